create table thing (
    id   uuid primary key,
    name text not null
);
