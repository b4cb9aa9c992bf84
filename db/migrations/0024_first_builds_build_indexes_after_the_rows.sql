-- What silver_first_load_rebuilds_indexes_from governs, said in full: it also decides
-- whether the first build of the store mart (0019) and of Platinum's sentences, from
-- Silver into an empty table, builds their indexes after the rows, judged by Silver's
-- row count.
update ip_workbench.settings
   set description = 'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert, and so does the first build of an empty scout.gold_store_daily_sales or scout.platinum_transaction_embeddings once Silver holds this many rows (several times faster than growing them row by row; the table is locked for reads and writes until the load commits). Only when the caller owns the table. Default 100000.'
 where name = 'silver_first_load_rebuilds_indexes_from';
