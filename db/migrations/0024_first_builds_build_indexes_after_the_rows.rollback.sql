update ip_workbench.settings
   set description = 'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert (several times faster than growing them row by row; Silver is locked for reads and writes until the load commits). Only when the caller owns the table. Default 100000.'
 where name = 'silver_first_load_rebuilds_indexes_from';
