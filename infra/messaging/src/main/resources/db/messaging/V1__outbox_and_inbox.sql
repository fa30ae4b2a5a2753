-- Owned by the messaging library; applied with its own history table (messaging_schema_history).

-- Rows are inserted and deleted in the same transaction: the table stays empty and Debezium reads the
-- insert from the WAL. aggregate_type names the destination stream (the Kafka topic), aggregate_id is the key.
create table outbox (
    id             uuid primary key,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(100) not null,
    type           varchar(100) not null,
    payload        jsonb        not null,
    headers        jsonb        not null,
    created_at     timestamptz  not null
);

-- Only inserts are published: the deletes that keep the table empty never reach the relay.
create publication outbox_publication for table outbox with (publish = 'insert');

-- Idempotent consumers record each message id in the same transaction as its effect.
create table inbox (
    message_id  uuid primary key,
    type        varchar(100) not null,
    received_at timestamptz  not null default now()
);
create index inbox_received_at_idx on inbox (received_at);
