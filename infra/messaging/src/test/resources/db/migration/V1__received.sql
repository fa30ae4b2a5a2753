-- What the relay test application's consumer saw, in the order it first saw it.
create table received (
    receipt     bigserial primary key,
    message_id  uuid    not null unique,
    message_key text    not null,
    seq         integer not null
);
