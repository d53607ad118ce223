package io.chatql.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for uploads and their thumbnails. */
@Repository
class FileRepository {

    private static final String COLUMNS = """
            u.id, u.conversation_id, u.uploader_id, u.name, u.size, u.status, u.content_type, u.width,
            u.height, u.message_id, u.requested_at""";

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String conversationId, String uploaderId, String name, long size, OffsetDateTime at) {
        jdbc.sql("""
                        insert into file_upload (id, conversation_id, uploader_id, name, size, status, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, conversationId, uploaderId, name, size, Upload.Status.REQUESTED.name(), at)
                .update();
    }

    Optional<Upload> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from file_upload u where u.id = ?")
                .param(id)
                .query(FileRepository::upload)
                .optional();
    }

    /** The uploads {@code ids} name, under a lock on their rows; ids of no upload are left out. */
    List<Upload> lockAll(Collection<String> ids) {
        return jdbc.sql("select " + COLUMNS + " from file_upload u where u.id in (:ids) order by u.id for update")
                .param("ids", ids)
                .query(FileRepository::upload)
                .list();
    }

    void markHeld(String id) {
        jdbc.sql("update file_upload set status = ? where id = ?")
                .params(Upload.Status.HELD.name(), id)
                .update();
    }

    /** Makes the upload ready, with what the file others download is; false when it is gone meanwhile. */
    boolean markReady(String id, String contentType, long size, @Nullable Integer width, @Nullable Integer height) {
        return jdbc.sql("""
                        update file_upload set status = ?, content_type = ?, size = ?, width = ?, height = ?
                        where id = ?""")
                        .params(Upload.Status.READY.name(), contentType, size, width, height, id)
                        .update()
                > 0;
    }

    void insertThumbnail(String uploadId, Images.Scaled thumbnail) {
        jdbc.sql("insert into file_thumbnail (upload_id, side, width, height) values (?, ?, ?, ?)")
                .params(uploadId, thumbnail.side(), thumbnail.width(), thumbnail.height())
                .update();
    }

    void attach(Collection<String> ids, String messageId) {
        jdbc.sql("update file_upload set message_id = :message where id in (:ids)")
                .param("message", messageId)
                .param("ids", ids)
                .update();
    }

    int countOn(String conversationId, String messageId) {
        return jdbc.sql("select count(*) from file_upload where conversation_id = ? and message_id = ?")
                .params(conversationId, messageId)
                .query(Integer.class)
                .single();
    }

    /** The ids of the uploads attached to a message. */
    List<String> idsOn(String conversationId, String messageId) {
        return jdbc.sql("select id from file_upload where conversation_id = ? and message_id = ?")
                .params(conversationId, messageId)
                .query(String.class)
                .list();
    }

    /** The ids of the uploads asked for before {@code cutoff} and not attached to a message. */
    List<String> unattachedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("select id from file_upload where message_id is null and requested_at < ?")
                .param(cutoff)
                .query(String.class)
                .list();
    }

    /** Deletes the upload and its thumbnails. */
    void delete(String id) {
        jdbc.sql("delete from file_thumbnail where upload_id = ?").param(id).update();
        jdbc.sql("delete from file_upload where id = ?").param(id).update();
    }

    /** Deletes the upload and its thumbnails when it is not attached to a message; whether it did. */
    boolean deleteUnattached(String id) {
        jdbc.sql("""
                        delete from file_thumbnail where upload_id = ?
                        and exists (select 1 from file_upload where id = ? and message_id is null)""").params(id, id).update();
        return jdbc.sql("delete from file_upload where id = ? and message_id is null")
                        .param(id)
                        .update()
                > 0;
    }

    /** The ready uploads on each of the messages, with their thumbnails, in the order they were asked for. */
    Map<MessageKey, List<Attachment>> attachedTo(Collection<MessageKey> messages) {
        Map<MessageKey, List<Attachment>> attached = new LinkedHashMap<>();
        if (messages.isEmpty()) {
            return attached;
        }
        List<Object[]> keys = messages.stream()
                .map(key -> new Object[] {key.conversationId(), key.messageId()})
                .toList();
        List<Upload> uploads = jdbc.sql("select " + COLUMNS + """
                         from file_upload u where (u.conversation_id, u.message_id) in (:keys) and u.status = 'READY'
                        order by u.requested_at, u.id""")
                .param("keys", keys)
                .query(FileRepository::upload)
                .list();
        Map<String, List<Thumbnail>> thumbnails = thumbnailsOf(uploads);
        for (Upload upload : uploads) {
            attached.computeIfAbsent(
                            new MessageKey(upload.conversationId(), upload.messageId()), key -> new ArrayList<>())
                    .add(attachment(upload, thumbnails.getOrDefault(upload.id(), List.of())));
        }
        return attached;
    }

    /** The upload as an attachment, with its thumbnails. Only for a ready upload. */
    Attachment attachment(Upload upload) {
        return attachment(upload, thumbnailsOf(List.of(upload)).getOrDefault(upload.id(), List.of()));
    }

    private Map<String, List<Thumbnail>> thumbnailsOf(List<Upload> uploads) {
        Map<String, List<Thumbnail>> thumbnails = new LinkedHashMap<>();
        if (uploads.isEmpty()) {
            return thumbnails;
        }
        Map<String, String> typeOf = new LinkedHashMap<>();
        uploads.forEach(upload -> typeOf.put(upload.id(), thumbnailType(upload)));
        jdbc.sql("select upload_id, side, width, height from file_thumbnail where upload_id in (:ids) order by side")
                .param("ids", typeOf.keySet())
                .query((rs, row) -> new Thumbnail(
                        rs.getString("upload_id"),
                        rs.getInt("side"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        typeOf.get(rs.getString("upload_id"))))
                .list()
                .forEach(thumbnail -> thumbnails
                        .computeIfAbsent(thumbnail.uploadId(), id -> new ArrayList<>())
                        .add(thumbnail));
        return thumbnails;
    }

    private static String thumbnailType(Upload upload) {
        return FileTypes.ofImage(String.valueOf(upload.contentType()))
                .map(FileTypes::imageContentType)
                .orElse(FileTypes.OTHER.contentType());
    }

    private static Attachment attachment(Upload upload, List<Thumbnail> thumbnails) {
        return new Attachment(
                upload.id(),
                upload.name(),
                String.valueOf(upload.contentType()),
                upload.size(),
                upload.width(),
                upload.height(),
                thumbnails);
    }

    private static Upload upload(ResultSet rs, int row) throws SQLException {
        return new Upload(
                rs.getString("id"),
                rs.getString("conversation_id"),
                rs.getString("uploader_id"),
                rs.getString("name"),
                rs.getLong("size"),
                Upload.Status.valueOf(rs.getString("status")),
                rs.getString("content_type"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getString("message_id"),
                rs.getObject("requested_at", OffsetDateTime.class));
    }

    record MessageKey(String conversationId, @Nullable String messageId) {}
}
