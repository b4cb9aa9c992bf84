-- The vendor team's validation rules, kept as data in scout.ref_validation_rules: they
-- take effect on the next run, and on old rows through scout.backfill.
-- * a flag: an amount above 100,000 PHP is suspicious, not invalid: the row stays in
--   Silver, and the check silver_rule_amount_above_100000 reports it (a warning);
-- * a reject: a payment method the tills do not have sends the row to
--   scout.silver_rejected_transactions with reason payment_method_unknown.
insert into scout.ref_validation_rules (rule_name, field, max_value, action, reason_code, description) values
    ('amount_above_100000', 'amount', 100000, 'flag', 'amount_suspicious',
     'Amounts above 100,000 PHP are suspicious: worth a look, not a rejection');
insert into scout.ref_validation_rules (rule_name, field, allowed_values, action, reason_code, description) values
    ('payment_method_known', 'payment_method', array['cash', 'card', 'gcash', 'maya'], 'reject', 'payment_method_unknown',
     'A payment method the tills have: cash, card, gcash or maya');
