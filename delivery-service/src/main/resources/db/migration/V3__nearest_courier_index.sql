-- Dispatch asks for the few available couriers nearest a pickup, not for every online courier: a k-nearest-neighbour
-- scan of this index stops after the first matches, so an offer costs the same with 10 or 100,000 couriers online.
-- Longitude is scaled by the cosine of the latitude (an equirectangular projection), so distances in this space rank
-- couriers as great-circle distances do over a city; the few found are ranked exactly in Java (NearestCourier).
create index courier_online_position_idx on courier
    using gist (point(lon * cos(radians(lat)), lat)) where online;
