package io.chatql.moderation;

import org.jspecify.annotations.Nullable;

/**
 * A member's report of a message to the administrators, served as the type {@code MessageReport}.
 *
 * @param createdAt when it was reported, ISO-8601
 * @param action how it was resolved, null while it is open
 * @param resolvedById the administrator who resolved it, null while it is open
 * @param position its place in arrival order, by which the queue pages
 */
record MessageReport(
        String id,
        String conversationId,
        String messageId,
        String reporterId,
        String reason,
        String createdAt,
        MessageReportStatus status,
        @Nullable MessageReportAction action,
        @Nullable String resolvedById,
        @Nullable String resolvedAt,
        long position) {}
