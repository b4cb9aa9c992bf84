"""`scout-db docs`: the data catalog in Markdown, written from the database's own
COMMENTs, types, grants and policies (so it cannot drift from the schema)."""

from __future__ import annotations

from pathlib import Path

import psycopg

LAYERS = ["bronze", "silver", "gold", "platinum", "reference", "metadata"]
API_ROLES = ["anon", "authenticated", "service_role"]
RELATIONS = r"""
    select n.nspname, c.relname, case c.relkind when 'v' then 'view' else 'table' end,
           coalesce(t.layer, case when n.nspname not in ('scout', 'scout_internal') then 'metadata'
                                  when c.relname like 'bronze\_%' or c.relname like 'ingest\_%' then 'bronze'
                                  when c.relname like 'silver\_%' then 'silver'
                                  when c.relname like 'gold\_%' then 'gold' when c.relname like 'platinum\_%' then 'platinum'
                                  else 'reference' end),
           coalesce(obj_description(c.oid, 'pg_class'), ''), c.oid
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join ip_workbench.tables t on t.schema_name = n.nspname and t.table_name = c.relname
     where n.nspname in ('scout', 'scout_internal', 'ip_workbench') and c.relkind in ('r', 'p', 'v')
     -- on each page what PostgREST exposes comes first, the layer's own bookkeeping after
     order by n.nspname = 'scout_internal', n.nspname, c.relname"""
COLUMNS = """
    select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, coalesce(col_description(a.attrelid, a.attnum), '')
      from pg_attribute a where a.attrelid = %s and a.attnum > 0 and not a.attisdropped order by a.attnum"""
POLICIES = """
    select p.polname, case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE'
                                    when 'd' then 'DELETE' else 'ALL' end,
           array(select coalesce(r.rolname, 'public') from unnest(p.polroles) u(oid)
                   left join pg_roles r on r.oid = u.oid order by 1)::text[],
           coalesce(obj_description(p.oid, 'pg_policy'), '')
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = %s and c.relname = %s order by 1"""
FUNCTIONS = """
    select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid),
           coalesce(obj_description(p.oid, 'pg_proc'), ''), p.prosecdef,
           array(select r from unnest(%s::text[]) r where has_function_privilege(r, p.oid, 'execute'))
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('scout', 'scout_internal', 'scout_private', 'scout_dev') order by 1, 2, 3"""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _privileges(conn: psycopg.Connection, oid: int) -> str:
    granted = []
    for role in API_ROLES:
        privileges = [p for p in ("select", "insert", "update", "delete")
                      if conn.execute("select has_table_privilege(%s, %s, %s)", (role, oid, p)).fetchone()[0]
                      or (p == "insert" and conn.execute("select has_any_column_privilege(%s, %s, 'insert')",
                                                         (role, oid)).fetchone()[0])]
        if privileges:
            granted.append(f"`{role}`: {', '.join(privileges)}")
    return "; ".join(granted) or "no API role (the owner only)"


def render(conn: psycopg.Connection) -> dict[str, str]:
    """{file name: Markdown} for docs/schemas."""
    pages: dict[str, list[str]] = {layer: [] for layer in LAYERS}
    edges: list[tuple[str, str, str]] = []
    for schema, name, kind, layer, comment, oid in conn.execute(RELATIONS).fetchall():
        page = pages[layer]
        audience = ", internal: the layer's own bookkeeping, not exposed" if schema == "scout_internal" else ""
        page += [f"## `{schema}.{name}` ({kind}{audience})", "", _cell(comment) or "_No comment._", "",
                 f"**Who may use it:** {_privileges(conn, oid)}.", ""]
        policies = conn.execute(POLICIES, (schema, name)).fetchall()
        if policies:
            page += ["**Row-level security** (enabled and forced): " + "; ".join(
                f"\"{p}\" ({cmd.lower()} to {', '.join(roles)})" for p, cmd, roles, _ in policies) + ".", ""]
            # who may read which rows, where a policy does more than let its role read everything
            page += [f"- \"{p}\": {_cell(about)}" for p, _, roles, about in policies
                     if about and roles == ["authenticated"]] + [""]
        page += ["| column | type | null | meaning |", "| --- | --- | --- | --- |"]
        for column, typ, notnull, meaning in conn.execute(COLUMNS, (oid,)).fetchall():
            page.append(f"| `{column}` | `{typ}` | {'no' if notnull else 'yes'} | {_cell(meaning)} |")
            if column == "bronze_id" and schema == "scout":
                edges.append((f"bronze_{'products' if 'product' in name else 'transactions'}", name, "bronze_id"))
        page.append("")
    titles = {"bronze": "Bronze: every payload as received", "silver": "Silver: validated, one row per key",
              "gold": "Gold: business marts", "platinum": "Platinum: AI-ready features",
              "reference": "Reference tables", "metadata": "Metadata: registry, runs, settings, data quality"}
    out = {f"{layer}.md": "\n".join([f"# {titles[layer]}", "",
                                     "Generated by `scout-db docs` from the database's comments, types, grants and "
                                     "policies; do not edit by hand.", "", *lines]).rstrip() + "\n"
           for layer, lines in pages.items()}

    functions = ["# Functions", "", "Generated by `scout-db docs`. `scout` is the public API (PostgREST "
                 "`/rpc/<name>`); `scout_internal` holds the steps they call; `scout_private` what row-level policies call; "
                 "`scout_dev` the data generators.", ""]
    current = None
    for schema, name, args, result, comment, definer, roles in conn.execute(FUNCTIONS, (API_ROLES,)).fetchall():
        if schema != current:
            functions += [f"## `{schema}`", "", "| function | returns | may execute | does |", "| --- | --- | --- | --- |"]
            current = schema
        who = ", ".join(f"`{r}`" for r in roles) or "the owner"
        functions.append(f"| `{schema}.{name}({_cell(args)})` | `{_cell(result)}` | {who}"
                         f"{' (security definer)' if definer else ''} | {_cell(comment)} |")
    out["functions.md"] = "\n".join(functions) + "\n"

    # lineage: Bronze → Silver by bronze_id, Silver → Gold and Platinum by the refreshes
    mermaid = ["erDiagram"]
    for source, target, column in sorted(set(edges)):
        mermaid.append(f"    {source} ||--o{{ {target} : \"{column}\"")
    mermaid += ['    silver_validated_transactions }o--|| ref_categories : "category"',
                '    silver_validated_transactions ||--o{ gold_monthly_category_totals : "refresh_gold"',
                '    silver_validated_transactions ||--o{ gold_weekly_category_totals : "refresh_gold"',
                '    gold_monthly_category_totals ||--o{ gold_monthly_summary : "per category"',
                '    gold_weekly_category_totals ||--o{ gold_category_trends : "per category"',
                '    silver_validated_transactions ||--o{ platinum_transaction_embeddings : "last 90 days"',
                '    silver_validated_transactions ||--o{ platinum_product_recommendations : "baskets"']
    out["relationships.md"] = "\n".join(["# How the layers relate", "",
                                         "Generated by `scout-db docs`: lineage columns from the catalog, and what "
                                         "each refresh builds from what.", "", "```mermaid", *mermaid, "```", ""])
    index = ["# Data catalog", "", "Generated by `scout-db docs` from the database itself; regenerate it with "
             "`scout-db docs` (`make docs`) after a change to `db/`, and commit it.", ""]
    index += [f"- [{titles[layer]}]({layer}.md)" for layer in LAYERS]
    index += ["- [Functions](functions.md)", "- [How the layers relate](relationships.md)", ""]
    out["README.md"] = "\n".join(index)
    return out


def write(pages: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
