-- Vendor performance: what each vendor sold per day. Incremental by sales_date: a
-- correction that moves a sale to another day or vendor, or a row a new rule rejects
-- on backfill, recomputes the days it touched, old and new.
select ip_workbench.define_mart(
    mart        => 'scout.gold_vendor_daily_sales',
    description => 'Sales per vendor and day: the vendor team''s performance mart.',
    grain       => array['vendor_name', 'sales_date'],
    refresh     => 'incremental',
    date_column => 'sales_date',
    readers     => array['authenticated'],
    columns     => $columns$ {
        "vendor_name": "The vendor, as the payload names it; NULL for sales without one (the check vendor_days_name_a_vendor reports them).",
        "sales_date": "The day (Silver's transaction_date).",
        "total_amount": "Sum of amount.",
        "transaction_count": "How many sales.",
        "total_quantity": "Sum of quantity.",
        "customer_count": "Distinct known customers.",
        "avg_amount": "total_amount / transaction_count, to the cent."
    } $columns$,
    query       => $query$
        select s.vendor_name,
               s.transaction_date as sales_date,
               sum(s.amount) as total_amount,
               count(*) as transaction_count,
               sum(s.quantity) as total_quantity,
               count(distinct s.customer_id) as customer_count,
               round(sum(s.amount) / count(*), 2) as avg_amount
          from scout.silver_validated_transactions s
         group by s.vendor_name, s.transaction_date
    $query$);
