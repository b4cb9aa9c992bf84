delete from scout.ref_validation_rules where rule_name in ('amount_above_100000', 'payment_method_known');
