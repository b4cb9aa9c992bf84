-- What `scout-db status` shows: the registry in layer order with each table's age.
create or replace view ip_workbench.layer_status
with (security_invoker = true)
as
select t.layer,
       t.schema_name || '.' || t.table_name as table_name,
       t.row_count,
       t.last_updated,
       pg_catalog.round((extract(epoch from pg_catalog.now() - t.last_updated) / 3600)::numeric, 2) as hours_old,
       t.dq_score
  from ip_workbench.tables t
 order by array_position(array['reference', 'bronze', 'silver', 'gold', 'platinum', 'metadata'], t.layer),
          t.table_name;
comment on view ip_workbench.layer_status is 'Registered tables in layer order with row count, last change, age in hours and DQ score: what scout-db status prints.';
comment on column ip_workbench.layer_status.layer is 'Medallion layer (reference, bronze, silver, gold, platinum, metadata).';
comment on column ip_workbench.layer_status.table_name is 'schema.table.';
comment on column ip_workbench.layer_status.row_count is 'Exact row count at the last change (ip_workbench.tables.row_count).';
comment on column ip_workbench.layer_status.last_updated is 'When the table''s data last changed.';
comment on column ip_workbench.layer_status.hours_old is 'Hours since last_updated; NULL if it never changed.';
comment on column ip_workbench.layer_status.dq_score is 'Overall data-quality score 0-100, NULL until the first check.';
revoke all on ip_workbench.layer_status from public, anon, authenticated;
grant select on ip_workbench.layer_status to service_role;
