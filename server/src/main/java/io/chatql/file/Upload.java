package io.chatql.file;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A stored upload: asked for by {@code uploaderId} into a conversation, with the {@code name} and
 * {@code size} the uploader gave. Once completed it has the {@code contentType} its bytes show, and an
 * image its size; once attached, its {@code messageId}.
 */
record Upload(
        String id,
        String conversationId,
        String uploaderId,
        String name,
        long size,
        Status status,
        @Nullable String contentType,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable String messageId,
        OffsetDateTime requestedAt) {

    enum Status {
        /** Asked for; its bytes may have arrived. */
        REQUESTED,
        /** Completed and let through: it may be attached and downloaded. */
        READY,
        /** Held back by the scanner: never attached or served. */
        HELD
    }

    /** The key of the bytes as the uploader sent them. */
    String receivedKey() {
        return receivedKey(id);
    }

    static String receivedKey(String id) {
        return id + "/received";
    }

    /** The key of the file others download: for an image, its stripped copy. */
    static String fileKey(String id) {
        return id + "/file";
    }

    /** The key of an image's thumbnail that fits a square of {@code side}. */
    static String thumbnailKey(String id, int side) {
        return id + "/t" + side;
    }
}
