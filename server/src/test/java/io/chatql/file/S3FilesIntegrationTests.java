package io.chatql.file;

import io.chatql.support.H2Database;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same flows with the files in a bucket of an S3 API, S3Proxy's, running in this JVM: clients send
 * and fetch the bytes with presigned URLs, and S3Proxy checks their signatures.
 */
@ContextConfiguration(initializers = H2Database.class)
class S3FilesIntegrationTests extends FilesIntegrationTests {

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        for (String setting : TestS3.settings()) {
            String[] nameAndValue = setting.split("=", 2);
            registry.add(nameAndValue[0], () -> nameAndValue[1]);
        }
    }
}
