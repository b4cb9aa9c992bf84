-- Not a function: Bronze's monthly partitions made ready (and described) on every
-- scout-db migrate; the daily retention job does the same.
select scout_internal.bronze_prepare_partitions();
