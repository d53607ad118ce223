package io.chatql.message;

import io.chatql.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Reads the messages of a result set, finding each column once for all its rows: by name, a JDBC
 * driver looks a column up again for every value, which cost a page of history a sixth of its time.
 */
final class MessageRows {

    /**
     * Messages by the column names of the message table, without the instant they were received: a
     * listing that does not show them has no use for it, and reading an instant costs more than any
     * other column.
     */
    static final ResultSetExtractor<List<Message>> PLAIN = rs -> {
        List<Message> messages = new ArrayList<>();
        Columns columns = null;
        while (rs.next()) {
            columns = columns == null ? new Columns(rs, "", false) : columns;
            messages.add(columns.read(rs, null, null));
        }
        return messages;
    };

    /**
     * Messages with their authors ({@code a_}), the messages they answer ({@code r_}) and those
     * messages' authors ({@code ra_}) joined in.
     */
    static final ResultSetExtractor<List<Message>> SHOWN = rs -> {
        List<Message> messages = new ArrayList<>();
        Shown columns = null;
        while (rs.next()) {
            columns = columns == null ? new Shown(rs) : columns;
            messages.add(columns.read(rs));
        }
        return messages;
    };

    private MessageRows() {}

    /**
     * Where the columns of one message are, their names starting with {@code prefix}; the instant it was
     * received only when asked for.
     */
    private static final class Columns {

        private static final int NONE = -1;

        private final int conversationId;

        private final int id;

        private final int sequence;

        private final int event;

        private final int position;

        private final int sender;

        private final int content;

        private final int createdAt;

        private final int receivedAt;

        private final int editedAt;

        private final int deleted;

        private final int replyTo;

        private final int mentions;

        Columns(ResultSet rs, String prefix, boolean received) throws SQLException {
            conversationId = rs.findColumn("conversation_id");
            id = rs.findColumn(prefix + "id");
            sequence = rs.findColumn(prefix + "sequence");
            event = rs.findColumn(prefix + "event");
            position = rs.findColumn(prefix + "position");
            sender = rs.findColumn(prefix + "sender");
            content = rs.findColumn(prefix + "content");
            createdAt = rs.findColumn(prefix + "created_at");
            receivedAt = received ? rs.findColumn(prefix + "received_at") : NONE;
            editedAt = rs.findColumn(prefix + "edited_at");
            deleted = rs.findColumn(prefix + "deleted");
            replyTo = rs.findColumn(prefix + "reply_to");
            mentions = rs.findColumn(prefix + "mentions");
        }

        Message read(ResultSet rs, @Nullable User author, @Nullable Message quoted) throws SQLException {
            return new Message(
                    rs.getString(conversationId),
                    rs.getString(id),
                    rs.getLong(sequence),
                    rs.getLong(event),
                    rs.getLong(position),
                    rs.getString(sender),
                    rs.getString(content),
                    rs.getString(createdAt),
                    receivedAt == NONE ? null : instant(rs, receivedAt),
                    instant(rs, editedAt),
                    rs.getBoolean(deleted),
                    rs.getString(replyTo),
                    ids(rs.getString(mentions)),
                    author,
                    quoted);
        }

        @Nullable
        User author(ResultSet rs, int username, int registered) throws SQLException {
            String name = rs.getString(username);
            return name == null ? null : new User(rs.getString(sender), name, rs.getBoolean(registered));
        }
    }

    /** Where the columns of a message, its author, the message it answers and that one's author are. */
    private static final class Shown {

        private final Columns message;

        private final Columns quoted;

        private final int authorName;

        private final int authorRegistered;

        private final int quotedId;

        private final int quotedAuthorName;

        private final int quotedAuthorRegistered;

        Shown(ResultSet rs) throws SQLException {
            message = new Columns(rs, "", true);
            quoted = new Columns(rs, "r_", true);
            authorName = rs.findColumn("a_username");
            authorRegistered = rs.findColumn("a_registered");
            quotedId = rs.findColumn("r_id");
            quotedAuthorName = rs.findColumn("ra_username");
            quotedAuthorRegistered = rs.findColumn("ra_registered");
        }

        Message read(ResultSet rs) throws SQLException {
            Message answered = rs.getString(quotedId) == null
                    ? null
                    : quoted.read(rs, quoted.author(rs, quotedAuthorName, quotedAuthorRegistered), null);
            return message.read(rs, message.author(rs, authorName, authorRegistered), answered);
        }
    }

    static @Nullable String instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static List<String> ids(@Nullable String spaced) {
        return spaced == null || spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
    }
}
