package io.chatql.timeline;

/** What happened in a conversation; served as the enum {@code ConversationEventKind}. */
enum ConversationEventKind {
    MESSAGE_CREATED,
    MESSAGE_EDITED,
    MESSAGE_DELETED,
    REACTIONS_CHANGED,
    MEMBER_ADDED
}
