package io.chatql.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The type of a file read from its first bytes, its magic number, never from its name or from what
 * the client said: a file the server does not recognize is {@code application/octet-stream}, which
 * browsers only download.
 */
enum FileTypes {
    JPEG("image/jpeg", "jpg", true, bytes(0xFF, 0xD8, 0xFF)),
    PNG("image/png", "png", true, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
    GIF("image/gif", "png", true, "GIF8".getBytes(StandardCharsets.US_ASCII)),
    PDF("application/pdf", "", false, "%PDF-".getBytes(StandardCharsets.US_ASCII)),
    ZIP("application/zip", "", false, bytes('P', 'K', 0x03, 0x04)),
    GZIP("application/gzip", "", false, bytes(0x1F, 0x8B)),
    OTHER("application/octet-stream", "", false, new byte[0]);

    /** How many of a file's first bytes tell its type. */
    static final int HEAD_BYTES = 16;

    private final String contentType;

    private final String thumbnailFormat;

    private final boolean image;

    private final byte[] magic;

    FileTypes(String contentType, String thumbnailFormat, boolean image, byte[] magic) {
        this.contentType = contentType;
        this.thumbnailFormat = thumbnailFormat;
        this.image = image;
        this.magic = magic;
    }

    /** The type of a file that starts with {@code head}. */
    static FileTypes of(byte[] head) {
        return Arrays.stream(values())
                .filter(type -> type != OTHER && startsWith(head, type.magic))
                .findFirst()
                .orElse(OTHER);
    }

    /** The type of {@code contentType}, when it is one of an image the server reads. */
    static Optional<FileTypes> ofImage(String contentType) {
        return Arrays.stream(values())
                .filter(type -> type.image && type.contentType.equals(contentType))
                .findFirst();
    }

    String contentType() {
        return contentType;
    }

    /** Whether the server reads it as an image: strips its metadata and makes its thumbnails. */
    boolean image() {
        return image;
    }

    /** The ImageIO format of its stripped copy and thumbnails: an animated GIF's first frame, as PNG. */
    String imageFormat() {
        return thumbnailFormat;
    }

    /** The type its stripped copy and thumbnails are served as. */
    String imageContentType() {
        return this == JPEG ? JPEG.contentType : PNG.contentType;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
