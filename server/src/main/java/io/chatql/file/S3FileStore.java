package io.chatql.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.ContentDisposition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The files in a bucket of an S3-compatible object store (AWS S3, Ceph, Garage, SeaweedFS, MinIO…):
 * clients send and fetch the bytes with presigned URLs, so they never pass through the server. An
 * upload's URL signs its Content-Length and Content-Type, so the store takes no other size; a
 * download's sets the type and disposition of the answer. The server itself reads an upload once, to
 * complete it. Checksums are sent only where S3 requires them, as older stores know none.
 */
final class S3FileStore implements FileStore, AutoCloseable {

    private final S3Client s3;

    private final S3Presigner presigner;

    private final String bucket;

    private final Clock clock;

    private S3FileStore(S3Client s3, S3Presigner presigner, String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** The store of {@code settings}; a store other than AWS's is addressed by path. */
    static S3FileStore of(FileProperties.S3 settings, Clock clock) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("chatql.files.s3.bucket must be set with chatql.files.storage=s3");
        }
        AwsCredentialsProvider credentials = settings.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), String.valueOf(settings.secretAccessKey())));
        Region region = Region.of(settings.region());
        S3Configuration pathStyle = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.endpoint() != null)
                .build();
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials)
                .region(region)
                .serviceConfiguration(pathStyle);
        var presigner = S3Presigner.builder()
                .credentialsProvider(credentials)
                .region(region)
                .serviceConfiguration(pathStyle);
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            presigner.endpointOverride(settings.endpoint());
        }
        return new S3FileStore(client.build(), presigner.build(), settings.bucket(), clock);
    }

    @Override
    public UploadTarget uploadTarget(String key, String contentType, long size, Instant expiresAt) {
        var presigned = presigner.presignPutObject(put -> put.signatureDuration(lifetimeUntil(expiresAt))
                .putObjectRequest(object ->
                        object.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
        return new UploadTarget(
                presigned.url().toString(),
                "PUT",
                List.of(new Header("Content-Type", contentType), new Header("Content-Length", Long.toString(size))));
    }

    @Override
    public String downloadUrl(String key, String contentType, String name, boolean inline, Instant expiresAt) {
        String disposition = ContentDisposition.builder(inline ? "inline" : "attachment")
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
        return presigner
                .presignGetObject(get -> get.signatureDuration(lifetimeUntil(expiresAt))
                        .getObjectRequest(object -> object.bucket(bucket)
                                .key(key)
                                .responseContentType(contentType)
                                .responseContentDisposition(disposition)))
                .url()
                .toString();
    }

    @Override
    public OptionalLong sizeOf(String key) throws IOException {
        try {
            return OptionalLong.of(
                    s3.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException absent) {
            return OptionalLong.empty();
        } catch (S3Exception failed) {
            if (failed.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw failed;
        }
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(get -> get.bucket(bucket).key(key));
    }

    @Override
    public void put(String key, Path file, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    @Override
    public void move(String from, String to) {
        s3.copyObject(copy -> copy.sourceBucket(bucket)
                .sourceKey(from)
                .destinationBucket(bucket)
                .destinationKey(to));
        s3.deleteObject(delete -> delete.bucket(bucket).key(from));
    }

    /**
     * One DeleteObject per key: DeleteObjects needs a checksum header that not every S3-compatible
     * store knows, and an upload has few keys.
     */
    @Override
    public void delete(Collection<String> keys) {
        keys.forEach(key -> s3.deleteObject(delete -> delete.bucket(bucket).key(key)));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    /** A signature's lifetime that ends at {@code expiresAt}. */
    private Duration lifetimeUntil(Instant expiresAt) {
        return Duration.between(clock.instant(), expiresAt);
    }
}
