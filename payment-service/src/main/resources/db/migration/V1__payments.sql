-- One row per order that any payment command has reached. customer_id, method, amount and currency are null only
-- for an order voided before its authorization arrived (the VOIDED row makes that late authorization decline).
create table payment (
    order_id         uuid primary key,
    customer_id      uuid,
    method           varchar(10) check (method in ('UPI', 'CARD', 'WALLET')),
    amount_minor     bigint check (amount_minor >= 0),
    currency         varchar(3),
    status           varchar(10) not null
                         check (status in ('AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    authorization_id varchar(64),
    decline_code     varchar(64),
    decline_reason   varchar(255),
    captured_minor   bigint check (captured_minor >= 0),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- Append-only: one row per provider operation actually performed, written in the transaction that records its result.
-- approved is false only for a declined AUTHORIZE (nothing was reserved). The money invariant reads from here:
-- a delivered order has exactly one CAPTURE of its total; a rejected or cancelled one has no CAPTURE, and every
-- approved AUTHORIZE of it is followed by a VOID.
create table payment_ledger (
    id           bigint generated always as identity primary key,
    order_id     uuid        not null references payment (order_id),
    operation    varchar(10) not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID')),
    approved     boolean     not null,
    amount_minor bigint      not null check (amount_minor >= 0),
    currency     varchar(3)  not null,
    at           timestamptz not null
);
create index payment_ledger_order_id_idx on payment_ledger (order_id);
