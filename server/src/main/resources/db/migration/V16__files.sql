-- Files members upload into a conversation. A row is made when an upload is asked for (requested);
-- once its bytes arrived, completing it reads them and makes it ready, or held when the scanner
-- holds it back. A ready upload is attached to one message of its uploader (conversation_id,
-- message_id). content_type is the type its bytes show, never the one the client named; width and
-- height are an image's. Uploads never attached are removed a day after they were asked for, and a
-- deleted message's with it.
create table file_upload (
    id              varchar(64)  primary key,
    conversation_id varchar(128) not null references conversation (id),
    uploader_id     varchar(128) not null references chat_user (id),
    name            varchar(255) not null,
    size            bigint       not null,
    status          varchar(16)  not null,
    content_type    varchar(128),
    width           int,
    height          int,
    message_id      varchar(128),
    requested_at    timestamp with time zone not null,
    constraint file_upload_message foreign key (conversation_id, message_id)
        references message (conversation_id, id)
);

create index file_upload_by_message on file_upload (conversation_id, message_id);
create index file_upload_unattached on file_upload (requested_at);

-- The thumbnails of an image, each no larger than side pixels in either direction.
create table file_thumbnail (
    upload_id varchar(64) not null references file_upload (id),
    side      int         not null,
    width     int         not null,
    height    int         not null,
    primary key (upload_id, side)
);
