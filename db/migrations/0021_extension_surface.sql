-- The extension surface (a team's own marts and rules without a fork):
-- * ip_workbench.marts: the marts defined in one file each (ip_workbench.define_mart),
--   what the hourly job refreshes after Gold; written by the owner only, because a
--   mart's query becomes code the job runs;
-- * scout_internal.mart_builds: when the pipeline last built each, from what;
-- * scout_internal.mart_days_to_rebuild: the days Silver changed, per mart;
-- * scout.ref_validation_rules: validation rules as data (bounds, a pattern or a list
--   per field, optionally per category), which reject a row with their reason code or
--   flag it in the data-quality results. Data, not code: no expression is evaluated.
-- Descriptions of every table and column: db/functions/catalog/extensions.sql.
create table ip_workbench.marts (
    mart_name text not null,
    extension text,
    description text not null,
    grain text[] not null,
    refresh text not null,
    date_column text,
    readers text[] not null default '{}',
    store_scope boolean not null default false,
    query text not null,
    definition_sha256 text not null,
    refresh_order bigint generated always as identity,
    declared_at timestamptz not null default pg_catalog.now(),
    constraint marts_pkey primary key (mart_name),
    constraint marts_refresh_check check (refresh in ('full', 'incremental')),
    constraint marts_date_column_check check ((refresh = 'incremental') = (date_column is not null)),
    constraint marts_grain_check check (pg_catalog.cardinality(grain) > 0)
);
select ip_workbench.secure_table('ip_workbench.marts');
-- A mart's query is code the job runs: service_role reads the definitions, only the
-- owner (scout-db migrate, through ip_workbench.define_mart) writes them.
revoke insert, update, delete, truncate on ip_workbench.marts from service_role;
drop policy "service_role manages all rows" on ip_workbench.marts;
create policy "service_role reads every mart" on ip_workbench.marts for select to service_role using (true);
comment on policy "service_role reads every mart" on ip_workbench.marts is
    'The pipeline reads the definitions; only the owner writes them: a mart''s query is code the hourly job runs.';

-- what the pipeline writes about each mart, apart from what the owner defined
create table scout_internal.mart_builds (
    mart_name text not null,
    built_at timestamptz not null,
    built_from jsonb,
    constraint mart_builds_pkey primary key (mart_name),
    constraint mart_builds_mart_name_fkey foreign key (mart_name) references ip_workbench.marts (mart_name) on delete cascade
);
select ip_workbench.secure_table('scout_internal.mart_builds');

create table scout_internal.mart_days_to_rebuild (
    mart_name text not null,
    day date not null,
    queued_at timestamptz not null default pg_catalog.now(),
    id bigint generated always as identity,
    constraint mart_days_to_rebuild_pkey primary key (id),
    constraint mart_days_to_rebuild_mart_name_fkey foreign key (mart_name)
        references ip_workbench.marts (mart_name) on delete cascade
);
select ip_workbench.secure_table('scout_internal.mart_days_to_rebuild');
create index mart_days_to_rebuild_mart_name_idx on scout_internal.mart_days_to_rebuild (mart_name);

create table scout.ref_validation_rules (
    rule_name text not null,
    field text not null,
    category text,
    min_value numeric,
    max_value numeric,
    pattern text,
    allowed_values text[],
    action text not null,
    reason_code text not null,
    description text not null,
    is_active boolean not null default true,
    added_at timestamptz not null default pg_catalog.now(),
    constraint ref_validation_rules_pkey primary key (rule_name),
    constraint ref_validation_rules_category_fkey foreign key (category) references scout.ref_categories (name),
    constraint ref_validation_rules_rule_name_check check (rule_name ~ '^[a-z][a-z0-9_]{0,62}$'),
    constraint ref_validation_rules_field_check check (field in (
        'amount', 'quantity', 'tax_amount', 'currency', 'subcategory', 'store_id', 'vendor_id', 'vendor_name',
        'customer_id', 'sku', 'payment_method', 'description')),
    constraint ref_validation_rules_action_check check (action in ('reject', 'flag')),
    -- bounds on the numbers, a pattern or a list on the texts: exactly one kind per rule
    constraint ref_validation_rules_kind_check check (case
        when field in ('amount', 'quantity', 'tax_amount')
            then (min_value is not null or max_value is not null) and pattern is null and allowed_values is null
        else min_value is null and max_value is null and ((pattern is null) <> (allowed_values is null)) end),
    constraint ref_validation_rules_bounds_check check (min_value is null or max_value is null or min_value <= max_value),
    -- compiles the pattern: an invalid regular expression fails here, not in the job
    constraint ref_validation_rules_pattern_check check (pattern is null or pg_catalog.regexp_replace('', pattern, '') = ''),
    constraint ref_validation_rules_reason_code_check check (reason_code ~ '^[a-z][a-z0-9_]{0,62}$'),
    -- the contract's codes keep their meaning
    constraint ref_validation_rules_reason_code_own_check check (reason_code <> all (array[
        'missing_transaction_id', 'invalid_transaction_id', 'missing_date', 'invalid_date', 'date_in_future',
        'date_too_old', 'missing_amount', 'invalid_amount', 'amount_not_positive', 'missing_category',
        'category_not_allowed', 'invalid_currency', 'invalid_quantity', 'quantity_not_positive',
        'invalid_tax_amount', 'tax_amount_negative', 'invalid_sku', 'unparseable', 'not_an_object']))
);
select ip_workbench.secure_table('scout.ref_validation_rules');
create index ref_validation_rules_category_idx on scout.ref_validation_rules (category);

-- the flag check reads the rules: its result is kept while they and Silver are unchanged
insert into ip_workbench.layer_versions (table_name) values ('scout.ref_validation_rules');
insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'ref_validation_rules', 'reference', 'Validation rules kept as data: bounds, patterns and lists that reject or flag');
