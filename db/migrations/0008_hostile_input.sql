-- No payload can stop the pipeline: the settings the Silver rules judge dates and
-- versions against, a place for the error of a row that could not be parsed at
-- all, Bronze append-only by grant, and statement timeouts for the API roles.

insert into ip_workbench.settings (name, value, description) values
    ('business_time_zone', '"UTC"',
     'Time zone of "today" for a transaction date without a zone: such a date may not be after today there (date_in_future). A date with a time and a zone is judged as an instant against now(). Default UTC.'),
    ('transaction_max_age_years', '20',
     'How far back a transaction date may lie, in years before today: older is date_too_old (a date in year 1 would otherwise add a century of dense weekly rows to Gold). Default 20.'),
    ('product_updated_at_tolerance', '"5 minutes"',
     'How far ahead of now() a product''s updated_at may lie (clock skew between systems); later is updated_at_in_future, so a version dated 9999-12-31 cannot freeze a product. An interval. Default 5 minutes.'),
    ('recommendation_basket_max_skus', '200',
     'Baskets (a customer''s SKUs over 90 days) with more distinct SKUs than this are left out of Platinum''s recommendations: their pairs grow with the square of their size, and a reseller''s basket says little about what goes together. Default 200.');

alter table scout.silver_rejected_transactions add column parse_error text;
comment on column scout.silver_rejected_transactions.parse_error is 'For reason unparseable only: the SQLSTATE and message of the error the row''s data raised in the parse (a case no rule foresaw); NULL otherwise.';
alter table scout.silver_rejected_products add column parse_error text;
comment on column scout.silver_rejected_products.parse_error is 'For reason unparseable only: the SQLSTATE and message of the error the row''s data raised in the parse; NULL otherwise.';

comment on column scout.silver_rejected_transactions.reasons is 'Stable reason codes, one per broken rule: missing_transaction_id, invalid_transaction_id (over 200 characters), missing_date, invalid_date, date_in_future, date_too_old, missing_amount, invalid_amount, amount_not_positive, missing_category, category_not_allowed, invalid_currency, invalid_quantity, quantity_not_positive, invalid_tax_amount, tax_amount_negative, invalid_sku (over 200 characters); or unparseable alone (see parse_error).';
comment on column scout.silver_rejected_products.reasons is 'Stable reason codes: missing_sku, invalid_sku (over 200 characters), missing_name, invalid_price, price_negative, invalid_cost, cost_negative, invalid_stock_quantity, invalid_is_active, invalid_updated_at, updated_at_in_future, invalid_category (over 200 characters); or unparseable alone (see parse_error).';
comment on column scout.silver_validated_transactions.transaction_date is 'Date part of the ISO 8601 payload date (as written, no zone conversion): never in the future (with a time and a zone, as an instant; otherwise against today in the business time zone) and not older than transaction_max_age_years (ip_workbench.settings).';
comment on column scout.silver_products.updated_at is 'Payload updated_at (ISO 8601; UTC when no zone is given); never later than now() plus product_updated_at_tolerance (ip_workbench.settings).';

-- Bronze is append-only by grant: the API may add rows, naming only the payload
-- columns (the id, arrival order, inserting transaction and times are the
-- table's own), and never change or remove one. Retention runs as the owner.
revoke insert, update, delete, truncate on scout.bronze_transactions, scout.bronze_products from service_role;
grant insert (raw_data, source, source_filename, ingestion_batch_id)
    on scout.bronze_transactions, scout.bronze_products to service_role;

-- Statement timeouts like Supabase's for the API roles, where none is set yet and
-- this migration may set them (PostgREST applies a role's settings per request).
do $timeouts$
declare
    v_role text;
    v_timeout text;
begin
    for v_role, v_timeout in values ('anon', '3s'), ('authenticated', '8s') loop
        if exists (select 1 from pg_catalog.pg_db_role_setting s
                     join pg_catalog.pg_roles r on r.oid = s.setrole
                    where r.rolname = v_role and s.setdatabase = 0
                      and exists (select 1 from pg_catalog.unnest(s.setconfig) c where c like 'statement_timeout=%')) then
            continue;
        end if;
        begin
            execute pg_catalog.format('alter role %I set statement_timeout = %L', v_role, v_timeout);
        exception when insufficient_privilege then
            raise notice 'statement_timeout of role % not set (%): set it as a superuser', v_role, sqlerrm;
        end;
    end loop;
end
$timeouts$;

comment on table scout.platinum_product_recommendations is 'Item-to-item collaborative filtering features: for each SKU, the (up to) 10 SKUs most often in the same baskets. A basket is one customer_id''s set of SKUs over the last 90 days; rows without a customer or a SKU are left out, and so are baskets of more than recommendation_basket_max_skus SKUs (ip_workbench.settings) from every count.';
