-- How long each check took, kept with its result (issue 23): a check run is measured
-- check by check, so the slow ones show in the history and in `scout-db dq run`.
-- A nullable column without a default: no rewrite of the results table.
alter table ip_workbench.dq_results add column seconds numeric(12, 3);
