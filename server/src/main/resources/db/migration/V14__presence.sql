-- Presence. Whether a user is online is known from their live connections and never stored; what is
-- stored is when they were last seen, to the minute and written at most once a minute, and whether
-- they let others see it. A user without a row was never seen and shows when they were.
create table user_presence (
    user_id        varchar(128) primary key references chat_user (id),
    last_seen_at   timestamp with time zone,
    show_last_seen boolean not null default true
);
