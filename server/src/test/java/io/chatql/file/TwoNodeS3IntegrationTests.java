package io.chatql.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.ChatQlApplication;
import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.TestPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * Two nodes on one PostgreSQL database and one bucket: a file uploaded through one is completed,
 * attached and downloaded through the other, as behind a load balancer.
 */
@SuppressWarnings("unchecked")
class TwoNodeS3IntegrationTests {

    private static ConfigurableApplicationContext nodeA;

    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = start();
        nodeB = start();
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aFileUploadedThroughOneNodeIsDownloadedThroughTheOther() {
        ChatClient a = client(nodeA);
        ChatClient b = client(nodeB);
        Account alice = a.signUp("alice");
        Account bob = a.signUp("bob");
        String conversationId = a.startConversation(alice, bob);
        String messageId = a.send(alice, conversationId, "from node A");
        byte[] photo = TestImages.jpegWithExif(640, 480);

        Map<String, Object> asked = a.graphQl(alice)
                .documentName("requestUpload")
                .variable("conversationId", conversationId)
                .variable("name", "photo.jpg")
                .variable("contentType", "image/jpeg")
                .variable("size", photo.length)
                .execute()
                .path("requestUpload")
                .entity(Map.class)
                .get();
        var put = a.http().method(HttpMethod.PUT).uri(URI.create((String) asked.get("url")));
        for (Map<String, String> header : (List<Map<String, String>>) asked.get("headers")) {
            if (!header.get("name").equalsIgnoreCase("Content-Length")) {
                put = put.header(header.get("name"), header.get("value"));
            }
        }
        put.bodyValue(photo).exchange().expectStatus().is2xxSuccessful();
        String uploadId = (String) asked.get("id");
        b.graphQl(alice)
                .documentName("completeUpload")
                .variable("uploadId", uploadId)
                .execute()
                .path("completeUpload.thumbnails")
                .entityList(Map.class)
                .hasSize(2);
        a.graphQl(alice)
                .documentName("attachFiles")
                .variable("conversationId", conversationId)
                .variable("messageId", messageId)
                .variable("uploadIds", List.of(uploadId))
                .execute()
                .path("attachFiles.attachments[0].id")
                .entity(String.class)
                .isEqualTo(uploadId);

        String url = b.graphQl(bob)
                .documentName("messageAttachments")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessage[0].attachments[0].url")
                .entity(String.class)
                .get();
        byte[] downloaded = b.http()
                .get()
                .uri(URI.create(url))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(downloaded, StandardCharsets.ISO_8859_1))
                .startsWith("\u00FF\u00D8")
                .doesNotContain(TestImages.EXIF_SECRET);
    }

    private static ConfigurableApplicationContext start() {
        TestPostgres.Server postgres = TestPostgres.server();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--spring.datasource.url=" + postgres.url(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password()));
        TestS3.settings().forEach(setting -> arguments.add("--" + setting));
        return new SpringApplicationBuilder(ChatQlApplication.class).run(arguments.toArray(String[]::new));
    }

    private static ChatClient client(ConfigurableApplicationContext node) {
        return new ChatClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }
}
