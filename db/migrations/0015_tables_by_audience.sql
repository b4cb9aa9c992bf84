-- squawk-ignore-file renaming-table, renaming-object, ban-set-schema
-- (nothing outside the layer reads these tables: they are the bookkeeping of its own
-- jobs, whose functions the same migrate re-applies under the new names; a job that
-- starts in the moment between this migration's commit and that re-apply fails with
-- 42P01, is recorded as failed, and the next run does its work)
-- Tables by audience: scout is what PostgREST exposes, so it keeps the contract's
-- layers and what the docs call public (the marts, Bronze, Silver, the records ingest
-- could not read). The layer's own bookkeeping moves to scout_internal, and each Gold
-- queue is named after what it holds:
--   scout.gold_pending_days            -> scout_internal.gold_days_to_reaggregate
--   scout.gold_pending_changes         -> scout_internal.gold_differences_to_add
--   scout.gold_monthly_category_totals -> scout_internal.gold_monthly_category_totals
--   scout.gold_weekly_category_totals  -> scout_internal.gold_weekly_category_totals
--   scout.bronze_ingest_files          -> scout_internal.ingest_manifest
-- Their policies, grants, indexes and sequences move with them; the constraints,
-- indexes and sequences named after the old names are renamed too.
alter table scout.gold_pending_days set schema scout_internal;
alter table scout_internal.gold_pending_days rename to gold_days_to_reaggregate;
alter table scout_internal.gold_days_to_reaggregate
    rename constraint gold_pending_days_pkey to gold_days_to_reaggregate_pkey;
alter sequence scout_internal.gold_pending_days_id_seq rename to gold_days_to_reaggregate_id_seq;

alter table scout.gold_pending_changes set schema scout_internal;
alter table scout_internal.gold_pending_changes rename to gold_differences_to_add;
alter table scout_internal.gold_differences_to_add
    rename constraint gold_pending_changes_pkey to gold_differences_to_add_pkey;
alter sequence scout_internal.gold_pending_changes_id_seq rename to gold_differences_to_add_id_seq;

alter table scout.gold_monthly_category_totals set schema scout_internal;
alter table scout.gold_weekly_category_totals set schema scout_internal;

alter table scout.bronze_ingest_files set schema scout_internal;
alter table scout_internal.bronze_ingest_files rename to ingest_manifest;
alter table scout_internal.ingest_manifest rename constraint bronze_ingest_files_pkey to ingest_manifest_pkey;
alter table scout_internal.ingest_manifest
    rename constraint bronze_ingest_files_batch_id_key to ingest_manifest_batch_id_key;
alter table scout_internal.ingest_manifest rename constraint bronze_ingest_files_kind_check to ingest_manifest_kind_check;
alter table scout_internal.ingest_manifest
    rename constraint bronze_ingest_files_sha256_check to ingest_manifest_sha256_check;
