-- The payment side of the order as published (OrderPayment: refunded so far, attention), as JSON. Null in the rows
-- written before it existed: they are read as nothing refunded and nothing to look at, which is what they were.
alter table order_snapshot add column payment jsonb;
