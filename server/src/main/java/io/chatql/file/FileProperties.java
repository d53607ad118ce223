package io.chatql.file;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of files.
 *
 * @param storage where the bytes are kept: {@code local}, the data directory, or {@code s3}
 * @param directory the local store's directory
 * @param maxSize the largest file
 * @param maxPixels the most pixels an image may have, read from its header before it is decoded
 * @param thumbnailSides the thumbnails made of each image, by the most pixels of their longer side
 * @param uploadExpiry how long the URL of an upload takes the bytes
 * @param downloadExpiry how long a download or thumbnail URL serves them
 * @param abandonedAfter how long after it was asked for an upload not attached to a message is removed
 * @param s3 the object store, with {@code storage=s3}
 * @param scanner the scanner that may hold a file back
 */
@ConfigurationProperties("chatql.files")
record FileProperties(
        @DefaultValue("local") Storage storage,
        @DefaultValue("./data/files") Path directory,
        @DefaultValue("100MB") DataSize maxSize,
        @DefaultValue("33000000") long maxPixels,
        @DefaultValue({"96", "320", "800"}) List<Integer> thumbnailSides,
        @DefaultValue("15m") Duration uploadExpiry,
        @DefaultValue("5m") Duration downloadExpiry,
        @DefaultValue("1d") Duration abandonedAfter,
        @DefaultValue S3 s3,
        @DefaultValue Scanner scanner) {

    enum Storage {
        LOCAL,
        S3
    }

    /**
     * An S3-compatible object store.
     *
     * @param bucket the bucket the files go to
     * @param endpoint the store's URL, for a store other than AWS S3's; its buckets addressed by path
     * @param region the bucket's region
     * @param accessKeyId with {@code secretAccessKey}, the credentials; when unset, the AWS SDK's usual
     *     ones (environment, profile, instance role)
     * @param secretAccessKey the secret of {@code accessKeyId}
     */
    record S3(
            @Nullable String bucket,
            @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region,
            @Nullable String accessKeyId,
            @Nullable String secretAccessKey) {}

    /**
     * The scanner a completed upload goes through before anyone may download it.
     *
     * @param kind {@code none}, or {@code clamd}: ClamAV's daemon, sent the bytes with INSTREAM
     * @param host clamd's host
     * @param port clamd's TCP port
     * @param timeout how long clamd may take to answer; a scanner that fails holds the file back
     */
    record Scanner(
            @DefaultValue("none") ScannerKind kind,
            @DefaultValue("localhost") String host,
            @DefaultValue("3310") int port,
            @DefaultValue("30s") Duration timeout) {}

    enum ScannerKind {
        NONE,
        CLAMD
    }
}
