-- What each schema holds.
-- Re-applied on every migrate (scout_internal.describe sets only what differs): change a
-- description here, never in a landed migration. Every table and column has one.
select scout_internal.describe(d.kind, d.object, d.description)
  from (values
    ('schema', 'scout',
     'Scout Retail medallion layers (bronze_*, silver_*, gold_*, platinum_*), reference tables (ref_*) and the pipeline functions.'),
    ('schema', 'scout_internal',
     'Internal steps of the public pipeline functions (parsers, merges, file loading, job bookkeeping). Never exposed through PostgREST; service_role may execute what the public functions call under its rights.'),
    ('schema', 'scout_dev',
     'Generators of realistic demo, test and benchmark data. For the owner (DBA) only; production never needs them.'),
    ('schema', 'scout_checks',
     'Data-quality checks, one view each (db/checks/NNNN_name.sql), all with the same columns; scout.run_dq_checks runs every view here. Never exposed.'),
    ('schema', 'ip_workbench',
     'Pipeline metadata: table registry with freshness and data-quality scores, job runs, data-quality results and alerts.'),
    ('schema', 'test_failures',
     'Rows that failed a data-quality check, one table per checked table (e.g. test_failures.silver_validated_transactions).')
  ) d(kind, object, description);
