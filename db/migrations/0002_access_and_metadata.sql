-- The access template every table is born with, and the metadata tables every
-- layer reports into (registry, job runs, incremental watermarks).

-- secure_table: RLS enabled and forced; service_role and the owner manage all
-- rows; the listed reader roles may select; nobody else has any privilege.
-- Later migrations call it right after each create table.
create function ip_workbench.secure_table(p_table regclass, p_readers text[] default '{}')
returns void
language plpgsql
volatile
set search_path = ''
as $secure$
declare
    v_reader text;
begin
    execute pg_catalog.format('alter table %s enable row level security', p_table);
    execute pg_catalog.format('alter table %s force row level security', p_table);
    execute pg_catalog.format('revoke all on table %s from public, anon, authenticated, service_role', p_table);
    execute pg_catalog.format(
        'create policy "service_role manages all rows" on %s for all to service_role using (true) with check (true)',
        p_table);
    execute pg_catalog.format(
        'comment on policy "service_role manages all rows" on %s is %L', p_table,
        'The backend role used by the pipeline and trusted services reads and writes every row.');
    execute pg_catalog.format(
        'create policy "the owner manages all rows" on %s for all to current_user using (true) with check (true)',
        p_table);
    execute pg_catalog.format(
        'comment on policy "the owner manages all rows" on %s is %L', p_table,
        'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.');
    execute pg_catalog.format('grant select, insert, update, delete, truncate on table %s to service_role', p_table);
    foreach v_reader in array p_readers loop
        execute pg_catalog.format('create policy %I on %s for select to %I using (true)',
                                  v_reader || ' users read all rows', p_table, v_reader);
        execute pg_catalog.format('comment on policy %I on %s is %L', v_reader || ' users read all rows', p_table,
                                  'Read access granted by the contract (Roles and access).');
        execute pg_catalog.format('grant select on table %s to %I', p_table, v_reader);
    end loop;
end
$secure$;
comment on function ip_workbench.secure_table(regclass, text[]) is
    'Migration helper: enables and forces RLS on a table, lets service_role and the owner manage it, lets p_readers select it, and revokes everything else.';

create table ip_workbench.tables (
    schema_name text not null,
    table_name text not null,
    layer text not null,
    description text,
    row_count bigint,
    last_updated timestamptz,
    dq_score numeric(5, 2),
    completeness numeric(5, 2),
    uniqueness numeric(5, 2),
    timeliness numeric(5, 2),
    last_checked timestamptz,
    registered_at timestamptz not null default pg_catalog.now(),
    constraint tables_pkey primary key (schema_name, table_name),
    constraint tables_layer_check check (layer in ('bronze', 'silver', 'gold', 'platinum', 'reference', 'metadata')),
    constraint tables_dq_score_check check (dq_score between 0 and 100),
    constraint tables_completeness_check check (completeness between 0 and 100),
    constraint tables_uniqueness_check check (uniqueness between 0 and 100),
    constraint tables_timeliness_check check (timeliness between 0 and 100)
);
select ip_workbench.secure_table('ip_workbench.tables');
comment on table ip_workbench.tables is 'Registry of the pipeline''s tables: size, freshness and data-quality scores. One row per registered table.';
comment on column ip_workbench.tables.schema_name is 'Schema of the registered table.';
comment on column ip_workbench.tables.table_name is 'Name of the registered table.';
comment on column ip_workbench.tables.layer is 'Medallion layer: bronze, silver, gold, platinum, reference or metadata.';
comment on column ip_workbench.tables.description is 'What the table holds, for catalogs and dashboards.';
comment on column ip_workbench.tables.row_count is 'Exact row count at last_updated (maintained by the refresh functions).';
comment on column ip_workbench.tables.last_updated is 'When the table''s data last changed (a refresh that changed nothing leaves it).';
comment on column ip_workbench.tables.dq_score is 'Overall data-quality score 0-100 from the last check; NULL until the first check.';
comment on column ip_workbench.tables.completeness is 'Share (0-100) of required values present at the last check.';
comment on column ip_workbench.tables.uniqueness is 'Share (0-100) of rows with a unique business key at the last check.';
comment on column ip_workbench.tables.timeliness is 'Score (0-100) of freshness against the layer''s threshold at the last check.';
comment on column ip_workbench.tables.last_checked is 'When the data-quality scores were last computed.';
comment on column ip_workbench.tables.registered_at is 'When the table was registered.';

create table ip_workbench.job_runs (
    id bigint generated always as identity,
    job_name text not null,
    started_at timestamptz not null default pg_catalog.clock_timestamp(),
    finished_at timestamptz,
    status text not null default 'running',
    details jsonb not null default '{}',
    constraint job_runs_pkey primary key (id),
    constraint job_runs_status_check check (status in ('running', 'succeeded', 'failed', 'skipped'))
);
create index job_runs_job_name_started_at_idx on ip_workbench.job_runs (job_name, started_at desc);
select ip_workbench.secure_table('ip_workbench.job_runs');
comment on table ip_workbench.job_runs is 'One row per run of a pipeline function (refresh_silver, run_transformations, …): when, outcome and the counts it returned.';
comment on column ip_workbench.job_runs.id is 'Run number, increasing.';
comment on column ip_workbench.job_runs.job_name is 'The function that ran, e.g. scout.refresh_silver.';
comment on column ip_workbench.job_runs.started_at is 'Wall-clock start of the run.';
comment on column ip_workbench.job_runs.finished_at is 'Wall-clock end of the run; NULL while running.';
comment on column ip_workbench.job_runs.status is 'running, succeeded, failed, or skipped (another run held the lock).';
comment on column ip_workbench.job_runs.details is 'The run''s result document (counts, reasons).';

create table ip_workbench.watermarks (
    stream text not null,
    processed_snapshot pg_snapshot not null,
    processed_xid xid8,
    processed_seq bigint,
    updated_at timestamptz not null default pg_catalog.now(),
    constraint watermarks_pkey primary key (stream)
);
select ip_workbench.secure_table('ip_workbench.watermarks');
comment on table ip_workbench.watermarks is 'How far each incremental stream has read its source: the snapshot of the last run. A row is new to the stream when its inserting transaction is visible now (or is the caller''s own) but was not in that snapshot (nor among the last run''s own rows), so a transaction that commits late is never skipped and none is read twice.';
comment on column ip_workbench.watermarks.stream is 'Stream name, e.g. silver_transactions.';
comment on column ip_workbench.watermarks.processed_snapshot is 'pg_current_snapshot() of the last run: every transaction visible in it has been processed.';
comment on column ip_workbench.watermarks.processed_xid is 'The transaction the last run ran in, when it had written rows: its own rows are not in its snapshot, so they are tracked by sequence instead.';
comment on column ip_workbench.watermarks.processed_seq is 'The highest ingest_seq of processed_xid''s own rows that the last run processed.';
comment on column ip_workbench.watermarks.updated_at is 'When the stream last advanced.';
