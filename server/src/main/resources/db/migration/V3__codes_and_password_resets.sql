-- Codes sent by e-mail: to confirm a sign-up, or to set a new password. Each user has at most one code
-- of each purpose; it is stored as an HMAC, and dies when it expires or its attempts are used up.
create table verification_code (
    user_id       varchar(128) not null references chat_user (id) on delete cascade,
    purpose       varchar(32)  not null,
    code_hash     varchar(64)  not null,
    expires_at    timestamp with time zone not null,
    attempts_left integer      not null,
    primary key (user_id, purpose)
);

-- A new password revokes every refresh token of its user.
create index refresh_token_by_user on refresh_token (user_id);
