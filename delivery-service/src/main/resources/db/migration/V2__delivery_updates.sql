-- DeliveryUpdated (the delivery's complete state for read models) after every change of a delivery.
-- sequence: the number of the delivery's last published update, counting from 1; a reader keeps the highest.
-- Deliveries that existed before this migration start at 0 and publish 1 with their next change.
alter table delivery add column sequence bigint not null default 0;

-- The courier position the delivery last published (courier_position_at: when the courier reported it). The
-- courier row always holds the latest report; reports closer together than delivery.tracking.min-interval are not
-- copied here and not published.
alter table delivery
    add column courier_lat         double precision,
    add column courier_lon         double precision,
    add column courier_position_at timestamptz,
    add constraint delivery_courier_position_complete check (
        (courier_lat is null) = (courier_lon is null) and (courier_lat is null) = (courier_position_at is null));

-- updated_at now means "when the delivery last changed" (the published updatedAt), no longer "row last written".
