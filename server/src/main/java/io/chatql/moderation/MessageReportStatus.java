package io.chatql.moderation;

/** Whether a report waits in the administrators' queue or was resolved. */
enum MessageReportStatus {
    OPEN,
    RESOLVED
}
