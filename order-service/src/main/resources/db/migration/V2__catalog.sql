create table restaurant (
    id         uuid primary key,
    name       varchar(120)     not null,
    cuisine    varchar(60)      not null,
    lat        double precision not null check (lat between -90 and 90),
    lon        double precision not null check (lon between -180 and 180),
    -- Local opening hours in time_zone; opens_at = closes_at means open around the clock,
    -- closes_at < opens_at means open past midnight.
    opens_at   time             not null,
    closes_at  time             not null,
    time_zone  varchar(60)      not null
);

create table menu_item (
    id            uuid primary key,
    restaurant_id uuid         not null references restaurant (id),
    name          varchar(120) not null,
    description   varchar(500) not null default '',
    price_minor   bigint       not null check (price_minor >= 0),
    currency      char(3)      not null,
    available     boolean      not null default true
);
create index menu_item_restaurant_idx on menu_item (restaurant_id);
