package io.chatql.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 API in this JVM: S3Proxy over a temporary directory, with one bucket, checking AWS V4
 * signatures. Started once, for the JVM.
 */
final class TestS3 {

    static final String BUCKET = "chatql-files";

    private static final String ACCESS_KEY = "chatql-test";

    private static final String SECRET_KEY = "chatql-test-secret";

    private static S3Proxy proxy;

    private TestS3() {}

    /** The settings of a server whose files are in the bucket, as {@code name=value} pairs. */
    static synchronized List<String> settings() {
        if (proxy == null) {
            proxy = start();
        }
        return List.of(
                "chatql.files.storage=s3",
                "chatql.files.s3.bucket=" + BUCKET,
                "chatql.files.s3.endpoint=http://127.0.0.1:" + proxy.getPort(),
                "chatql.files.s3.access-key-id=" + ACCESS_KEY,
                "chatql.files.s3.secret-access-key=" + SECRET_KEY);
    }

    private static S3Proxy start() {
        try {
            Properties filesystem = new Properties();
            filesystem.setProperty(
                    "jclouds.filesystem.basedir",
                    Files.createTempDirectory("chatql-s3").toString());
            BlobStore blobs = ContextBuilder.newBuilder("filesystem")
                    .credentials("identity", "credential")
                    .overrides(filesystem)
                    .build(BlobStoreContext.class)
                    .getBlobStore();
            blobs.createContainerInLocation(null, BUCKET);
            S3Proxy s3 = S3Proxy.builder()
                    .blobStore(blobs)
                    .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .build();
            s3.start();
            while (!s3.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
            return s3;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (Exception failed) {
            throw new IllegalStateException("S3Proxy did not start", failed);
        }
    }
}
