package io.chatql.file;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A completed upload as members see it; its URLs are signed when asked for. */
record Attachment(
        String id,
        String name,
        String contentType,
        long size,
        @Nullable Integer width,
        @Nullable Integer height,
        List<Thumbnail> thumbnails) {

    /** Whether it is an image the server read, shown inline rather than downloaded. */
    boolean image() {
        return FileTypes.ofImage(contentType).isPresent();
    }
}
