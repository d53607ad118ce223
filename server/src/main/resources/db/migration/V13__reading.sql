-- Reading: where each member stopped reading, and what is new for them after it.

-- A member's read marker: the sequence of the newest message they have read (0 before the first),
-- and when it last moved. It only moves forward. The memberships stored before markers existed
-- start with everything read, as do members added to a conversation that already has messages.
alter table user_conversation add column read_sequence bigint not null default 0;
alter table user_conversation add column read_at timestamp with time zone;
update user_conversation set read_sequence =
    (select last_sequence from conversation where conversation.id = user_conversation.conversation_id);

-- A member's unread messages are those after their marker, less their own and the deleted ones:
-- counted from the conversation's last_sequence and these two short ranges, never by reading the
-- messages themselves. The places of deleted messages, and of the messages each member is named in.
create table deleted_message (
    conversation_id varchar(128) not null,
    sequence        bigint       not null,
    sender          varchar(128) not null,
    primary key (conversation_id, sequence)
);

insert into deleted_message (conversation_id, sequence, sender)
    select conversation_id, sequence, sender from message where deleted;

create table message_mention (
    user_id         varchar(128) not null,
    conversation_id varchar(128) not null,
    sequence        bigint       not null,
    primary key (user_id, conversation_id, sequence)
);

create index message_mention_by_message on message_mention (conversation_id, sequence);

insert into message_mention (user_id, conversation_id, sequence)
    select m.user_id, message.conversation_id, message.sequence
    from message join user_conversation m on m.conversation_id = message.conversation_id
    where message.mentions <> '' and not message.deleted and m.user_id <> message.sender
      and (' ' || message.mentions || ' ') like ('% ' || m.user_id || ' %');

-- Whether a user's read markers are shown to the other members; without, they see no one else's.
alter table chat_user add column read_receipts boolean not null default true;
