alter table scout_internal.ingest_manifest
    rename constraint ingest_manifest_sha256_check to bronze_ingest_files_sha256_check;
alter table scout_internal.ingest_manifest rename constraint ingest_manifest_kind_check to bronze_ingest_files_kind_check;
alter table scout_internal.ingest_manifest
    rename constraint ingest_manifest_batch_id_key to bronze_ingest_files_batch_id_key;
alter table scout_internal.ingest_manifest rename constraint ingest_manifest_pkey to bronze_ingest_files_pkey;
alter table scout_internal.ingest_manifest rename to bronze_ingest_files;
alter table scout_internal.bronze_ingest_files set schema scout;

alter table scout_internal.gold_weekly_category_totals set schema scout;
alter table scout_internal.gold_monthly_category_totals set schema scout;

alter sequence scout_internal.gold_differences_to_add_id_seq rename to gold_pending_changes_id_seq;
alter table scout_internal.gold_differences_to_add
    rename constraint gold_differences_to_add_pkey to gold_pending_changes_pkey;
alter table scout_internal.gold_differences_to_add rename to gold_pending_changes;
alter table scout_internal.gold_pending_changes set schema scout;

alter sequence scout_internal.gold_days_to_reaggregate_id_seq rename to gold_pending_days_id_seq;
alter table scout_internal.gold_days_to_reaggregate
    rename constraint gold_days_to_reaggregate_pkey to gold_pending_days_pkey;
alter table scout_internal.gold_days_to_reaggregate rename to gold_pending_days;
alter table scout_internal.gold_pending_days set schema scout;
