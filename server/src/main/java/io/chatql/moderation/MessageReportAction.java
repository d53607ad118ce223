package io.chatql.moderation;

/** How an administrator resolves a report. */
enum MessageReportAction {
    /** Nothing was wrong with the message. */
    DISMISS,
    /** The message is deleted, as its author may delete it. */
    DELETE_MESSAGE,
    /** The message's author's account is disabled. */
    DISABLE_AUTHOR
}
