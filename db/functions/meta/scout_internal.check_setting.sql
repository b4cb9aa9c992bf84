-- Settings are judged when they are written, not when a run trips on them: a bad
-- time zone would otherwise stop Silver at the next hourly run, and a retention
-- period under its floor would be found only by the purge. The rules are code (this
-- file), so no role that may write a setting can loosen them.
create or replace function scout_internal.check_setting()
returns trigger
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_name text := new.name;
    v_value jsonb := new.value;
    v_number numeric;
    v_interval interval;
    v_problem text;
    v_floor numeric;
    v_ceiling numeric;
    v_whole boolean := true;
    -- the owner, and code running with its rights (scout.purge_expired)
    v_by_owner boolean := pg_catalog.pg_has_role((select c.relowner from pg_catalog.pg_class c where c.oid = tg_relid),
                                                 'USAGE');
begin
    -- (floor, ceiling, whole number) of every numeric setting
    select r.floor, r.ceiling, r.whole into v_floor, v_ceiling, v_whole
      from (values ('bronze_retention_days', 30, 36500, true),
                   ('silver_retention_days', 90, 36500, true),
                   ('gold_retention_days', 366, 36500, true),
                   ('run_log_retention_days', 1, 36500, true),
                   ('transaction_max_age_years', 1, 200, true),
                   ('recommendation_basket_max_skus', 2, 100000, true),
                   ('min_co_occurrence', 1, 1000000, true),
                   ('silver_probe_ratio', 0, 1e15, false),
                   ('gold_hash_rebuild_days', 0, 9223372036854775807, true),
                   ('silver_first_load_rebuilds_indexes_from', 0, 9223372036854775807, true),
                   ('dq_alert_threshold', 0, 100, false)) r (name, floor, ceiling, whole)
     where r.name = v_name;
    if found then
        if pg_catalog.jsonb_typeof(v_value) = 'number' then
            v_number := v_value::numeric;
        elsif pg_catalog.jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$' then
            v_number := (v_value #>> '{}')::numeric;
        end if;
        if v_number is null then
            v_problem := 'is not a number';
        elsif v_whole and v_number <> pg_catalog.trunc(v_number) then
            v_problem := 'is not a whole number';
        elsif v_number < v_floor or v_number > v_ceiling then
            v_problem := pg_catalog.format('is outside %s to %s', v_floor, v_ceiling);
        end if;
    elsif v_name = 'business_time_zone' then
        if pg_catalog.jsonb_typeof(v_value) <> 'string'
           or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = v_value #>> '{}') then
            v_problem := 'is not a time zone name of pg_timezone_names (e.g. "Asia/Manila" or "UTC")';
        end if;
    elsif v_name in ('product_updated_at_tolerance', 'dq_escalate_after') then
        begin
            v_interval := (v_value #>> '{}')::interval;
        exception when others then
            v_interval := null;
        end;
        if pg_catalog.jsonb_typeof(v_value) <> 'string' or v_interval is null then
            v_problem := 'is not an interval (e.g. "5 minutes")';
        elsif v_interval < interval '0' or v_interval > interval '366 days' then
            v_problem := 'is outside 0 to 366 days';
        end if;
    elsif v_name = 'embedding_model' then
        if pg_catalog.jsonb_typeof(v_value) <> 'string' or pg_catalog.length(v_value #>> '{}') not between 1 and 200 then
            v_problem := 'is not a model name (a string of 1 to 200 characters)';
        end if;
    elsif v_name = 'micro_batch_enabled' then
        if pg_catalog.jsonb_typeof(v_value) <> 'boolean' then
            v_problem := 'is not true or false';
        end if;
    elsif v_name = 'silver_purged_before' then
        -- bookkeeping of scout.purge_expired, which runs with the owner's rights: Gold never
        -- recomputes a month before it, so only the owner may move it
        if not v_by_owner then
            v_problem := 'is kept by scout.purge_expired and written by the owner only';
        elsif pg_catalog.jsonb_typeof(v_value) not in ('null', 'string')
              or (pg_catalog.jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}$') then
            v_problem := 'is not null or a date (YYYY-MM-DD)';
        end if;
    elsif tg_op = 'INSERT' and not v_by_owner then
        -- a new setting comes with the migration or the code that reads it
        v_problem := 'is not a setting of this project';
    end if;
    if v_problem is not null then
        raise exception 'setting % = % %', v_name, v_value, v_problem
            using errcode = '22023',
                  hint = 'ip_workbench.settings.description says what each setting takes; nothing was changed.';
    end if;
    return new;
end
$fn$;
comment on function scout_internal.check_setting() is
    'Trigger of ip_workbench.settings: refuses (22023, nothing written) a value of the wrong type or outside its range (retention periods have floors: Bronze 30 days, Silver 90, Gold 366), a time zone name PostgreSQL does not know, an interval that is not one, a new setting name from a role below the owner, and any change to silver_purged_before except by the owner (scout.purge_expired).';
revoke all on function scout_internal.check_setting() from public;

-- created once: a trigger re-created on every migrate would queue behind every open writer
do $trigger$
begin
    if not exists (select 1 from pg_catalog.pg_trigger t
                    where t.tgrelid = 'ip_workbench.settings'::regclass and t.tgname = 'settings_are_checked'
                      and t.tgfoid = 'scout_internal.check_setting()'::regprocedure) then
        create or replace trigger settings_are_checked
            before insert or update on ip_workbench.settings
            for each row execute function scout_internal.check_setting();
        comment on trigger settings_are_checked on ip_workbench.settings is
            'Judges every setting when it is written (scout_internal.check_setting), so a bad value is refused at once instead of stopping a later run.';
    end if;
end
$trigger$;
