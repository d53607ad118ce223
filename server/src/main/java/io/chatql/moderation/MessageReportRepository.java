package io.chatql.moderation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for reports of messages. As elsewhere, orderings name the columns their condition fixes too. */
@Repository
class MessageReportRepository {

    private static final String COLUMNS = "id, conversation_id, message_id, reporter_id, reason, created_at, status,"
            + " action, resolved_by, resolved_at, position";

    private static final RowMapper<MessageReport> REPORT = (rs, row) -> new MessageReport(
            rs.getString("id"),
            rs.getString("conversation_id"),
            rs.getString("message_id"),
            rs.getString("reporter_id"),
            rs.getString("reason"),
            instant(rs.getObject("created_at", OffsetDateTime.class)),
            MessageReportStatus.valueOf(rs.getString("status")),
            rs.getString("action") == null ? null : MessageReportAction.valueOf(rs.getString("action")),
            rs.getString("resolved_by"),
            rs.getObject("resolved_at", OffsetDateTime.class) == null
                    ? null
                    : instant(rs.getObject("resolved_at", OffsetDateTime.class)),
            rs.getLong("position"));

    private final JdbcClient jdbc;

    MessageReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an open report; one by the same reporter of the same message is refused as a duplicate key. */
    void insert(String id, String conversationId, String messageId, String reporterId, String reason, Instant at) {
        jdbc.sql("""
                        insert into message_report (id, conversation_id, message_id, reporter_id, reason, created_at, status)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        conversationId,
                        messageId,
                        reporterId,
                        reason,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        MessageReportStatus.OPEN.name())
                .update();
    }

    Optional<MessageReport> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from message_report where id = ?")
                .param(id)
                .query(REPORT)
                .optional();
    }

    /** The report, under a lock on its row that is held until the transaction ends. */
    Optional<MessageReport> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from message_report where id = ? for update")
                .param(id)
                .query(REPORT)
                .optional();
    }

    /** The report that {@code reporterId} made of the message, if any. */
    Optional<MessageReport> findByReporter(String conversationId, String messageId, String reporterId) {
        return jdbc.sql("select " + COLUMNS
                        + " from message_report where conversation_id = ? and message_id = ? and reporter_id = ?")
                .params(conversationId, messageId, reporterId)
                .query(REPORT)
                .optional();
    }

    /** Reports, of one status or all, with a position below {@code before}, newest first. */
    List<MessageReport> findPage(@Nullable MessageReportStatus status, @Nullable Long before, int limit) {
        String byStatus = status == null ? "" : " and status = :status";
        String statusOrder = status == null ? "" : " status desc,";
        var query = jdbc.sql("select " + COLUMNS + " from message_report where position < :before" + byStatus
                        + " order by" + statusOrder + " position desc fetch first :limit rows only")
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit);
        if (status != null) {
            query = query.param("status", status.name());
        }
        return query.query(REPORT).list();
    }

    /** Resolves every open report of the message with {@code action}. */
    void resolveAllOf(
            String conversationId, String messageId, MessageReportAction action, String resolvedBy, Instant at) {
        jdbc.sql("""
                        update message_report set status = ?, action = ?, resolved_by = ?, resolved_at = ?
                        where conversation_id = ? and message_id = ? and status = ?""")
                .params(
                        MessageReportStatus.RESOLVED.name(),
                        action.name(),
                        resolvedBy,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        conversationId,
                        messageId,
                        MessageReportStatus.OPEN.name())
                .update();
    }

    private static String instant(OffsetDateTime at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
