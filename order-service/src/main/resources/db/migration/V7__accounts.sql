-- Accounts that sign in to get an access token (issue 5). Usernames are stored lower-case; the password hash is
-- Spring Security's delegating format ({bcrypt}...), so the algorithm can change without a migration.
create table account (
    id            uuid primary key,
    username      text        not null unique,
    password_hash text        not null,
    role          text        not null check (role in ('CUSTOMER', 'RESTAURANT', 'COURIER', 'ADMIN')),
    restaurant_id uuid references restaurant (id),
    courier_id    uuid unique,
    created_at    timestamptz not null default now(),
    check ((role = 'RESTAURANT') = (restaurant_id is not null)),
    check ((role = 'COURIER') = (courier_id is not null))
);

-- The RSA keys that sign access tokens. The newest signs; a key replaced less than a token lifetime ago is still
-- published in the JWKS, so tokens it signed stay valid until they expire.
create table signing_key (
    key_id      text primary key,
    private_key bytea       not null, -- PKCS#8
    public_key  bytea       not null, -- X.509
    created_at  timestamptz not null,
    retired_at  timestamptz
);
