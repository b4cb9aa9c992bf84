-- The composite types.
-- Re-applied on every migrate (scout_internal.describe sets only what differs): change a
-- description here, never in a landed migration. Every table and column has one.
select scout_internal.describe(d.kind, d.object, d.description)
  from (values
    ('type', 'scout_internal.transaction_payload_values',
     'Internal to scout.parse_transaction_payload: each payload value read once (trimmed text, and its parsed value or NULL when it does not parse).')
  ) d(kind, object, description);
