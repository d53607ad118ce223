package io.chatql.file;

import io.chatql.support.H2Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same flows with the files in a bucket of an S3 API, S3Proxy's over a directory, running in this
 * JVM: clients send and fetch the bytes with presigned URLs, and S3Proxy checks their signatures.
 */
@ContextConfiguration(initializers = H2Database.class)
class S3FilesIntegrationTests extends FilesIntegrationTests {

    private static final String BUCKET = "chatql-files";

    private static final String ACCESS_KEY = "chatql-test";

    private static final String SECRET_KEY = "chatql-test-secret";

    private static final S3Proxy S3 = startS3();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("chatql.files.storage", () -> "s3");
        registry.add("chatql.files.s3.bucket", () -> BUCKET);
        registry.add("chatql.files.s3.endpoint", () -> "http://127.0.0.1:" + S3.getPort());
        registry.add("chatql.files.s3.access-key-id", () -> ACCESS_KEY);
        registry.add("chatql.files.s3.secret-access-key", () -> SECRET_KEY);
    }

    private static S3Proxy startS3() {
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
