-- Couriers as their app reports them. A courier row appears on the courier's first availability call.
create table courier (
    id         uuid primary key,
    online     boolean          not null,
    lat        double precision not null,
    lon        double precision not null,
    updated_at timestamptz      not null default now()
);
create index courier_online_idx on courier (id) where online;

-- One delivery per order (a repeated RequestCourier finds the existing one).
create table delivery (
    id              uuid primary key,
    order_id        uuid             not null unique,
    restaurant_id   uuid             not null,
    restaurant_name varchar(200)     not null,
    pickup_lat      double precision not null,
    pickup_lon      double precision not null,
    dropoff_line1   varchar(200)     not null,
    dropoff_city    varchar(100)     not null,
    dropoff_lat     double precision not null,
    dropoff_lon     double precision not null,
    status          varchar(20)      not null,
    courier_id      uuid references courier (id),
    requested_at    timestamptz      not null,
    -- The conversation of the RequestCourier, continued by every message this delivery sends.
    correlation_id  uuid             not null,
    traceparent     varchar(100),
    updated_at      timestamptz      not null default now()
);
create index delivery_waiting_idx on delivery (requested_at) where status = 'WAITING';
-- A courier carries at most one delivery at a time.
create unique index delivery_one_active_per_courier on delivery (courier_id) where status in ('ASSIGNED', 'PICKED_UP');

-- Every offer ever made: the open one, and who declined or let theirs expire (they are not asked again).
create table offer (
    id          uuid primary key,
    delivery_id uuid        not null references delivery (id),
    courier_id  uuid        not null references courier (id),
    status      varchar(20) not null,
    offered_at  timestamptz not null,
    expires_at  timestamptz not null,
    closed_at   timestamptz
);
create index offer_delivery_idx on offer (delivery_id);
create index offer_open_expiry_idx on offer (expires_at) where status = 'OPEN';
-- The guards against two instances offering one courier two deliveries, or one delivery to two couriers, at once.
create unique index offer_one_open_per_courier on offer (courier_id) where status = 'OPEN';
create unique index offer_one_open_per_delivery on offer (delivery_id) where status = 'OPEN';
