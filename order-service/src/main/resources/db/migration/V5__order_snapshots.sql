-- The order's complete state as last published on orders.events, one row per order. Written by the subscribing
-- handler that publishes the change, in the transaction that appends the event, so each internal event becomes a
-- full OrderStatusChanged from the previous row and the event. details, timeline and courier are the contract
-- records (OrderDetails, List<StatusChange>, Courier) as JSON.
create table order_snapshot (
    order_id           uuid primary key,
    sequence           bigint       not null,
    status             varchar(32)  not null,
    details            jsonb        not null,
    timeline           jsonb        not null,
    courier            jsonb,
    estimated_ready_at timestamp with time zone
);
