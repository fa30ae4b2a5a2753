-- When the order entered its current status (the time of the last timeline entry). Intake admission asks how long
-- the oldest order has waited for its payment answer; the partial index holds only the orders still waiting, so that
-- question costs the same with 10 or 100,000 orders in the table.
alter table order_snapshot add column status_since timestamp with time zone;
update order_snapshot
set status_since = (select max((entry ->> 'at')::timestamptz) from jsonb_array_elements(timeline) entry);
alter table order_snapshot alter column status_since set not null;
create index order_snapshot_pending_since_idx on order_snapshot (status_since) where status = 'PENDING';
