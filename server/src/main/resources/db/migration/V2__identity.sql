-- Built-in identity: credentials, refresh tokens and the keys that sign access tokens.

create table credential (
    user_id       varchar(128) primary key references chat_user (id),
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    confirmed     boolean      not null
);

-- Refresh tokens are stored as SHA-256 hashes; a token is single-use and rotates within its family.
create table refresh_token (
    token_hash  varchar(64)  primary key,
    user_id     varchar(128) not null references chat_user (id),
    family_id   varchar(36)  not null,
    expires_at  timestamp with time zone not null,
    used        boolean      not null,
    revoked     boolean      not null
);

create index refresh_token_by_family on refresh_token (family_id);

-- Keys live in the database so that a restart, or another node, signs and verifies with the same keys.
create table signing_key (
    key_id      varchar(64)  primary key,
    private_key varchar(4096) not null,
    public_key  varchar(2048) not null,
    created_at  timestamp with time zone not null
);

create table server_secret (
    name   varchar(64)  primary key,
    secret varchar(256) not null
);
