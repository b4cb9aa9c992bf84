-- One step of scout_internal.silver_isolate_unparseable: parse candidates p_first..p_last
-- without writing (every column is forced through ::text); on a data error, split.
create or replace function scout_internal.silver_probe_range(p_template text, p_first bigint, p_last bigint)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_middle bigint;
    v_state text;
    v_message text;
begin
    perform 'PRAGMA:TABLE: silver_candidates (rn bigint, id uuid, parse_error text)';
    if p_first > p_last then
        return;
    end if;
    begin
        execute pg_catalog.format('select pg_catalog.sum(pg_catalog.length(s::text)) from (%s) s',
                                  pg_catalog.format(p_template, p_first, p_last));
        return;
    exception
        when data_exception or program_limit_exceeded then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    end;
    -- the failed probe's subtransaction is closed here: recursing opens one at a time
    if p_first = p_last then
        update pg_temp.silver_candidates c
           set parse_error = v_state || ': ' || v_message
         where c.rn = p_first;
        return;
    end if;
    v_middle := p_first + (p_last - p_first) / 2;
    perform scout_internal.silver_probe_range(p_template, p_first, v_middle);
    perform scout_internal.silver_probe_range(p_template, v_middle + 1, p_last);
end
$fn$;
comment on function scout_internal.silver_probe_range(text, bigint, bigint) is
    'Internal to scout_internal.silver_isolate_unparseable: marks, in pg_temp.silver_candidates, each candidate numbered p_first..p_last whose parse raises a data error (classes 22 and 54) with its SQLSTATE and message.';
revoke all on function scout_internal.silver_probe_range(text, bigint, bigint) from public;
grant execute on function scout_internal.silver_probe_range(text, bigint, bigint) to service_role;
