-- Provider calls leave the command's transaction: a command records its intent here, the provider is called with no
-- transaction open, and the outcome is recorded afterwards. The calls of one order are made one at a time, oldest
-- first; claimed_until is the lease of the instance making one (database clock), next_attempt_at when a call without
-- an answer is due again. A repeated command finds its call by idempotency_key and does not record a second one.
create table provider_call (
    id              bigint generated always as identity primary key,
    order_id        uuid         not null references payment (order_id),
    operation       varchar(10)  not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    idempotency_key varchar(120) not null unique,
    amount_minor    bigint       not null check (amount_minor >= 0),
    currency        varchar(3)   not null,
    refund_id       uuid,
    state           varchar(10)  not null check (state in ('PENDING', 'DONE', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    failure_code    varchar(64),
    last_error      varchar(300),
    -- The conversation of the command, which the answer continues.
    correlation_id  uuid         not null,
    causation_id    uuid         not null,
    traceparent     varchar(100) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    check ((operation = 'REFUND') = (refund_id is not null))
);
create index provider_call_pending_idx on provider_call (order_id, id) where state = 'PENDING';

-- A payment is AUTHORIZING while the provider is asked; refunds give back parts of what was captured.
alter table payment alter column status type varchar(12);
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED'));
alter table payment
    add column refunded_minor         bigint not null default 0 check (refunded_minor >= 0),
    add column refunds_reserved_minor bigint not null default 0 check (refunds_reserved_minor >= 0);

alter table payment_ledger drop constraint payment_ledger_operation_check;
alter table payment_ledger add constraint payment_ledger_operation_check
    check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND'));
alter table payment_ledger add column refund_id uuid;

-- The simulated provider's own memory of what it performed, by idempotency key, so a restart of payment-service
-- does not make it forget (a real provider keeps its keys on its side). result: APPROVED <authorization id>,
-- DECLINED <code> <reason>, or DONE.
create table simulated_provider_operation (
    idempotency_key varchar(120) primary key,
    result          varchar(400) not null,
    performed_at    timestamptz  not null default now()
);
