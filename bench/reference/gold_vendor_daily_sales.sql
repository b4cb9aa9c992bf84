-- A team's mart (the example extension's, examples/vendor_performance): sales per vendor
-- and day. The bench defines the mart with this query (ip_workbench.define_mart) and
-- times a CREATE TABLE AS of it as the bound.
select s.vendor_name,
       s.transaction_date as sales_date,
       sum(s.amount) as total_amount,
       count(*) as transaction_count,
       sum(s.quantity) as total_quantity,
       count(distinct s.customer_id) as customer_count,
       round(sum(s.amount) / count(*), 2) as avg_amount
  from scout.silver_validated_transactions s
 group by s.vendor_name, s.transaction_date
