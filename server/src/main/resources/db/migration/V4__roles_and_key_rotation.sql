-- Roles granted to accounts on top of 'user', which every account has.
create table user_role (
    user_id varchar(128) not null references chat_user (id),
    role    varchar(32)  not null,
    primary key (user_id, role)
);

-- Signing keys rotate. Each new key takes the next generation, which is unique, so two nodes that
-- rotate at the same moment cannot both add a key.
alter table signing_key add column generation integer;

update signing_key set generation = (
    select count(*) from signing_key older
    where older.created_at < signing_key.created_at
       or (older.created_at = signing_key.created_at and older.key_id <= signing_key.key_id));

alter table signing_key alter column generation set not null;

alter table signing_key add constraint signing_key_generation unique (generation);
