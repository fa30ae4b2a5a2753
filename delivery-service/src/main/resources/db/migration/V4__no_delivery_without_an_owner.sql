-- Every delivery has an owner until it ends: a courier who goes silent loses it, one out too long is flagged.

-- When the delivery last began to wait for a courier: when requested, or when its courier lost it before pickup
-- (silent, or not picked up in time). The give-up clock (delivery.give-up-after) counts from here.
alter table delivery add column waiting_since timestamptz;
update delivery set waiting_since = requested_at;
alter table delivery alter column waiting_since set not null;

-- The sweeper looks at assigned deliveries every second for couriers who went silent; without this it would read
-- every delivery ever made.
create index delivery_assigned_idx on delivery (id) where status = 'ASSIGNED';

-- When the courier picked the food up, and when the delivery was flagged as out too long (delivery.overdue-after).
-- Deliveries picked up before this migration take their last change as the pickup time.
alter table delivery
    add column picked_up_at  timestamptz,
    add column overdue_since timestamptz;
update delivery set picked_up_at = updated_at where status in ('PICKED_UP', 'DELIVERED');
-- The sweeper's look for deliveries out too long reads only those picked up and not yet flagged.
create index delivery_out_for_delivery_idx on delivery (picked_up_at) where status = 'PICKED_UP' and overdue_since is null;
