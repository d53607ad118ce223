-- Safety and moderation.

-- A disabled account cannot sign in, and its credentials are refused, until it is enabled again:
-- enabling deletes its row.
create table disabled_account (
    user_id     varchar(128) primary key references chat_user (id),
    disabled_by varchar(128) not null references chat_user (id),
    disabled_at timestamp with time zone not null
);
