-- Whether one Silver row breaks one rule of scout.ref_validation_rules. The rule is
-- data (bounds, a pattern, a list), never an expression, so a role that may write the
-- rules cannot make the pipeline run its code. A missing value breaks no rule here:
-- required fields are the contract's rules.
create or replace function scout_internal.breaks_rule(
    p_rule scout.ref_validation_rules,
    p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text,
    p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text,
    p_payment_method text, p_description text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $fn$
    select case
        when p_rule.field in ('amount', 'quantity', 'tax_amount') then
            coalesce(case p_rule.field when 'amount' then p_amount when 'quantity' then p_quantity::numeric
                                       else p_tax_amount end
                     not between coalesce(p_rule.min_value, '-infinity'::numeric)
                             and coalesce(p_rule.max_value, 'infinity'::numeric), false)
        else
            coalesce((select case when p_rule.pattern is not null then v.value !~ p_rule.pattern
                                  else v.value <> all (p_rule.allowed_values) end
                        from (select case p_rule.field when 'currency' then p_currency when 'subcategory' then p_subcategory
                                         when 'store_id' then p_store_id when 'vendor_id' then p_vendor_id
                                         when 'vendor_name' then p_vendor_name when 'customer_id' then p_customer_id
                                         when 'sku' then p_sku when 'payment_method' then p_payment_method
                                         when 'description' then p_description end as value) v), false)
    end
$fn$;
comment on function scout_internal.breaks_rule(scout.ref_validation_rules, numeric, integer, numeric, text, text, text, text, text, text, text, text, text) is
    'Whether a transaction with these Silver values breaks rule p_rule of scout.ref_validation_rules: its field''s number outside [min_value, max_value], or its text not matching pattern or not in allowed_values. A missing (NULL) value breaks nothing. Ignores the rule''s category and is_active: the callers choose the rules.';
revoke all on function scout_internal.breaks_rule(scout.ref_validation_rules, numeric, integer, numeric, text, text, text, text, text, text, text, text, text) from public;
grant execute on function scout_internal.breaks_rule(scout.ref_validation_rules, numeric, integer, numeric, text, text, text, text, text, text, text, text, text) to service_role;
