-- Data in a chat message is shown as code, never read as Markdown: a sample key such
-- as "@channel [Reset your password](http://…)" would otherwise page a whole channel
-- with a link in it. A code span whose fence is longer than any run of backticks in
-- the value cannot be closed early; line breaks and other control characters become
-- spaces, so a value cannot start a new block.
create or replace function scout_internal.markdown_code(p_value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $fn$
    select pg_catalog.repeat('`', coalesce(pg_catalog.max(pg_catalog.length(m.run[1])), 0)::int + 1)
           || ' ' || pg_catalog.regexp_replace(p_value, '[\x01-\x1f\x7f-\x9f\u2028\u2029]', ' ', 'g') || ' '
           || pg_catalog.repeat('`', coalesce(pg_catalog.max(pg_catalog.length(m.run[1])), 0)::int + 1)
      from pg_catalog.regexp_matches(coalesce(p_value, ''), '(`+)', 'g') as m(run)
$fn$;
comment on function scout_internal.markdown_code(text) is
    'p_value as a Markdown code span (a fence of one backtick more than its longest run of backticks; control characters as spaces), so Mattermost and Slack show it as text: no mention, link or formatting in it acts. NULL stays NULL.';
revoke all on function scout_internal.markdown_code(text) from public;
grant execute on function scout_internal.markdown_code(text) to service_role;

-- The same for plain text (email bodies and subjects): one line, no control characters.
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
