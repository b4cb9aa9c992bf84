-- A table's timeliness: 100 while its data lags less than its layer's threshold,
-- then falling with the lag (twice the threshold scores 50).
create or replace function scout_internal.timeliness_score(p_schema text, p_table text)
returns numeric
language sql
stable
parallel safe
-- called a few times a run, never per row: pinning search_path costs nothing measurable
set search_path = ''
begin atomic
    select case when pg_catalog.now() - t.last_updated <= h.timeliness then 100::numeric
                else pg_catalog.round(100 * extract(epoch from h.timeliness)
                                      / extract(epoch from pg_catalog.now() - t.last_updated), 2) end
      from ip_workbench.tables t
      join ip_workbench.dq_thresholds h on h.layer = t.layer
     where t.schema_name = p_schema and t.table_name = p_table and h.timeliness is not null;
end;
comment on function scout_internal.timeliness_score(text, text) is
    '100 when the table''s last_updated is within its layer''s timeliness threshold, else 100 x threshold / lag; NULL without a threshold or a last change.';
revoke all on function scout_internal.timeliness_score(text, text) from public;
grant execute on function scout_internal.timeliness_score(text, text) to service_role;
