-- Reference tables.
-- Re-applied on every migrate (scout_internal.describe sets only what differs): change a
-- description here, never in a landed migration. Every table and column has one.
select scout_internal.describe(d.kind, d.object, d.description)
  from (values
    ('table', 'scout.ref_categories',
     'Allowed transaction categories. DBAs add rows or retire them (is_active = false); Silver applies the list to the rows it judges from then on.'),
    ('column', 'scout.ref_categories.name',
     'Canonical spelling; payload categories match it case-insensitively after trimming.'),
    ('column', 'scout.ref_categories.is_active',
     'Only active categories are allowed in Silver.'),
    ('column', 'scout.ref_categories.added_at',
     'When the category was added.'),
    ('column', 'scout.ref_categories.retired_at',
     'When the category was retired, if it was.')
  ) d(kind, object, description);
