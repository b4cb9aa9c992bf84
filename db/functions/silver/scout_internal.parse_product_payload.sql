-- Every Silver rule for one product payload (CONTRACT.md, "Product payload").
-- p_latest is the latest updated_at a version may carry (now plus a small
-- tolerance for clock skew, read once per run by the caller): a version dated
-- 9999-12-31 would otherwise win over every later correction.
create or replace function scout_internal.parse_product_payload(p_raw jsonb, p_latest timestamptz)
returns table (
    sku text,
    name text,
    description text,
    category text,
    brand text,
    price numeric(14, 2),
    cost numeric(14, 2),
    stock_quantity integer,
    unit_of_measure text,
    barcode text,
    is_active boolean,
    updated_at timestamptz,
    attributes jsonb,
    reasons text[]
)
language sql
stable
parallel safe
begin atomic
    select
        -- keys and indexed values longer than 200 characters are refused: they would
        -- not fit a btree index entry
        case when pg_catalog.length(v.sku) <= 200 then v.sku end,
        v.name, v.description,
        case when pg_catalog.length(v.category) <= 200
             then coalesce((select c.name from scout.ref_categories c
                             where scout_internal.fold_case(c.name) = scout_internal.fold_case(v.category)),
                           v.category) end,
        v.brand,
        v.price, v.cost, v.stock_quantity, v.unit_of_measure, v.barcode,
        coalesce(v.is_active, true),
        v.updated_at,
        v.attributes,
        pg_catalog.array_remove(array[
            case when v.sku is null then 'missing_sku' when pg_catalog.length(v.sku) > 200 then 'invalid_sku' end,
            case when v.name is null then 'missing_name' end,
            case when v.price_text is not null and v.price is null then 'invalid_price'
                 when v.price < 0 then 'price_negative' end,
            case when v.cost_text is not null and v.cost is null then 'invalid_cost'
                 when v.cost < 0 then 'cost_negative' end,
            case when v.stock_text is not null and v.stock_quantity is null then 'invalid_stock_quantity' end,
            case when v.active_text is not null and v.is_active is null then 'invalid_is_active' end,
            case when v.updated_text is not null and v.updated_at is null then 'invalid_updated_at'
                 when v.updated_at > p_latest then 'updated_at_in_future' end,
            case when pg_catalog.length(v.category) > 200 then 'invalid_category' end
        ], null)
    from (
        select
            t.*,
            pg_catalog.round(scout_internal.parse_money(t.price_text), 2) as price,
            pg_catalog.round(scout_internal.parse_money(t.cost_text), 2) as cost,
            scout_internal.parse_int(t.stock_text) as stock_quantity,
            case when pg_catalog.lower(t.active_text collate "C") in ('true', 't', 'yes', '1') then true
                 when pg_catalog.lower(t.active_text collate "C") in ('false', 'f', 'no', '0') then false end as is_active,
            scout_internal.iso_timestamptz(t.updated_text) as updated_at
        from (
            -- products are few: a plain subquery barrier (OFFSET 0) is enough here
            select
                case when pg_catalog.jsonb_typeof(p_raw -> 'sku') in ('string', 'number')
                     then scout_internal.clean_text(p_raw ->> 'sku') end as sku,
                scout_internal.clean_text(p_raw ->> 'name') as name,
                scout_internal.clean_text(p_raw ->> 'description') as description,
                scout_internal.clean_text(p_raw ->> 'category') as category,
                scout_internal.clean_text(p_raw ->> 'brand') as brand,
                scout_internal.clean_text(p_raw ->> 'price') as price_text,
                scout_internal.clean_text(p_raw ->> 'cost') as cost_text,
                scout_internal.clean_text(p_raw ->> 'stock_quantity') as stock_text,
                scout_internal.clean_text(p_raw ->> 'unit_of_measure') as unit_of_measure,
                scout_internal.clean_text(p_raw ->> 'barcode') as barcode,
                scout_internal.clean_text(p_raw ->> 'is_active') as active_text,
                scout_internal.clean_text(p_raw ->> 'updated_at') as updated_text,
                p_raw - array['sku', 'name', 'description', 'category', 'brand', 'price', 'cost',
                              'stock_quantity', 'unit_of_measure', 'barcode', 'is_active', 'updated_at'] as attributes
            offset 0
        ) t
        offset 0
    ) v;
end;
comment on function scout_internal.parse_product_payload(jsonb, timestamptz) is
    'Applies every Silver rule to one product payload (an updated_at after p_latest is updated_at_in_future): the typed values and reasons, an array of every broken rule''s code (empty when valid). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.parse_product_payload(jsonb, timestamptz) from public;
grant execute on function scout_internal.parse_product_payload(jsonb, timestamptz) to service_role;
