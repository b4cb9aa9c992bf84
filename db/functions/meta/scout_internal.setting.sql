-- One read of a tunable; a missing row is a broken installation, not a default.
create or replace function scout_internal.setting(p_name text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_value jsonb;
begin
    select s.value into v_value from ip_workbench.settings s where s.name = p_name;
    if not found then
        raise exception 'setting % is missing from ip_workbench.settings', p_name
            using errcode = '42704', hint = 'Run scout-db migrate: the migrations insert every setting with its default.';
    end if;
    return v_value;
end
$fn$;
comment on function scout_internal.setting(text) is
    'The value of setting p_name from ip_workbench.settings (jsonb); raises 42704 when there is no such row.';
revoke all on function scout_internal.setting(text) from public;
grant execute on function scout_internal.setting(text) to service_role;
