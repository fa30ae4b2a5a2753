-- Catalog changes are published on restaurants.events as RestaurantChanged with the restaurant's version.
-- version counts a restaurant's changes from 1 (the restaurants of V3 are at their first version);
-- published_version is the last version written to the outbox, so a restaurant with version > published_version
-- has a change to publish: the demo catalog, once, at the first start after this migration.
-- changed_at is when the current version was made: the message's changedAt, whenever it is published.
alter table restaurant
    add column version           bigint                   not null default 1,
    add column published_version bigint                   not null default 0,
    add column changed_at        timestamp with time zone not null default now(),
    add constraint restaurant_version_check check (version >= 1 and published_version between 0 and version);

-- Keeps the startup scan for unpublished restaurants cheap when (nearly) everything is published.
create index restaurant_unpublished_idx on restaurant (id) where version > published_version;

-- The position of an item on its menu: menus are published and shown in the order the restaurant gave.
-- The demo items of V3 were listed in the order of their ids.
alter table menu_item add column position integer;
update menu_item
set position = numbered.position
from (select id, row_number() over (partition by restaurant_id order by id) - 1 as position from menu_item) numbered
where menu_item.id = numbered.id;
alter table menu_item alter column position set not null;
