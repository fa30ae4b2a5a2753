-- One row per (caller, Idempotency-Key): the request it was first used for and, once that succeeded, its response.
create table idempotency_key (
    caller                text        not null,  -- '' when the request names no caller
    idempotency_key       text        not null,
    method                text        not null,
    path                  text        not null,  -- request URI with its query string
    body_sha256           text        not null,  -- hex SHA-256 of the raw request body
    state                 text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    claim_token           uuid        not null,  -- the execution that owns an IN_PROGRESS row
    response_status       integer,
    response_location     text,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz not null,
    claimed_at            timestamptz not null,  -- last time an execution started (a takeover moves it)
    completed_at          timestamptz,
    primary key (caller, idempotency_key)
);

create index idempotency_key_claimed_at on idempotency_key (claimed_at);
