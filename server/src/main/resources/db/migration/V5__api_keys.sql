-- API keys, each acting as a bot user until it expires or is revoked. Only the SHA-256 hash of a key
-- is stored; the key itself is shown once, when it is created.
create table api_key (
    id         varchar(36)  primary key,
    name       varchar(32)  not null,
    key_hash   varchar(64)  not null,
    user_id    varchar(128) not null references chat_user (id),
    created_by varchar(128) not null references chat_user (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked    boolean      not null,
    constraint api_key_hash unique (key_hash)
);
