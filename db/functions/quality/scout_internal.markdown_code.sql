-- Data in a delivered message is text, never markup. plain_line: one line, no
-- control characters, so a value cannot add a line or a header to an email.
create or replace function scout_internal.plain_line(p_value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $fn$
    select pg_catalog.regexp_replace(p_value, '[\x01-\x1f\x7f-\x9f\u2028\u2029]', ' ', 'g')
$fn$;
comment on function scout_internal.plain_line(text) is
    'p_value on one line: control characters (line breaks included) as spaces, so data cannot add a line or a header to a plain-text message. NULL stays NULL.';
revoke all on function scout_internal.plain_line(text) from public;
grant execute on function scout_internal.plain_line(text) to service_role;

-- markdown_code: the value as a code span, so a sample key such as "@channel [Reset
-- your password](http://…)" cannot page a whole channel with a link in it. A fence one
-- backtick longer than any run of backticks in the value cannot be closed early, and
-- the value is one plain_line, so it cannot start a new block.
create or replace function scout_internal.markdown_code(p_value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $fn$
    select f.fence || ' ' || scout_internal.plain_line(p_value) || ' ' || f.fence
      from (select pg_catalog.repeat('`', coalesce(pg_catalog.max(pg_catalog.length(m.run[1])), 0)::int + 1) as fence
              from pg_catalog.regexp_matches(coalesce(p_value, ''), '(`+)', 'g') as m(run)) f
$fn$;
comment on function scout_internal.markdown_code(text) is
    'p_value as a Markdown code span (a fence of one backtick more than its longest run of backticks; control characters as spaces, scout_internal.plain_line), so Mattermost and Slack show it as text: no mention, link or formatting in it acts. NULL stays NULL.';
revoke all on function scout_internal.markdown_code(text) from public;
grant execute on function scout_internal.markdown_code(text) to service_role;
