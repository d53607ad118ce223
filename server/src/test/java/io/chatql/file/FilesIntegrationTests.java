package io.chatql.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatql.support.Account;
import io.chatql.support.AdjustableClock;
import io.chatql.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Members attach files to their messages: asked for, sent straight to the store, completed and
 * attached. Images come back stripped of their metadata with thumbnails; the type is read from the
 * bytes; bombs, oversized and held files are refused with nothing kept; every URL is for members only
 * and expires; a deleted message's files and abandoned uploads go. Every file goes through a fake
 * clamd.
 */
@SuppressWarnings("unchecked")
@Import(AdjustableClock.Configuration.class)
abstract class FilesIntegrationTests extends IntegrationTest {

    private static final FakeClamd CLAMD = start();

    private static final Path DIRECTORY = temporaryDirectory();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private FileStore store;

    @Autowired
    private Uploads uploads;

    @Autowired
    private AdjustableClock clock;

    private Account alice;

    private Account bob;

    private Account carol;

    private String conversationId;

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("chatql.files.directory", DIRECTORY::toString);
        registry.add("chatql.files.scanner.kind", () -> "clamd");
        registry.add("chatql.files.scanner.host", () -> "127.0.0.1");
        registry.add("chatql.files.scanner.port", CLAMD::port);
    }

    @BeforeEach
    void startConversation() {
        alice = signUp("alice");
        bob = signUp("bob");
        carol = signUp("carol");
        conversationId = startConversation(alice, bob);
    }

    @Test
    void anImageTakesItsTypeFromItsBytesAndGetsThumbnailsNoLargerThanItself() {
        String uploadId = upload(alice, "photo.jpg", "image/jpeg", TestImages.png(1000, 500));

        Map<String, Object> attachment = complete(alice, uploadId)
                .path("completeUpload")
                .entity(Map.class)
                .get();

        assertThat(attachment)
                .containsEntry("name", "photo.jpg")
                .containsEntry("contentType", "image/png")
                .containsEntry("width", 1000)
                .containsEntry("height", 500);
        assertThat((List<Map<String, Object>>) attachment.get("thumbnails"))
                .extracting(
                        thumbnail -> List.of(thumbnail.get("side"), thumbnail.get("width"), thumbnail.get("height")))
                .containsExactly(List.of(96, 96, 48), List.of(320, 320, 160), List.of(800, 800, 400));
        complete(alice, uploadId)
                .path("completeUpload.thumbnails")
                .entityList(Map.class)
                .hasSize(3);
    }

    @Test
    void membersDownloadAnImageWithoutItsExifAndNonMembersSeeNothing() throws IOException {
        String messageId = send(alice, conversationId, "the view from the top");
        String uploadId = upload(alice, "tower.jpg", "image/jpeg", TestImages.jpegWithExif(640, 480));
        complete(alice, uploadId);
        attach(alice, messageId, uploadId)
                .path("attachFiles.attachments[0].id")
                .entity(String.class)
                .isEqualTo(uploadId);

        Map<String, Object> seen = attachmentsSeenBy(bob).get(0);
        byte[] downloaded = download((String) seen.get("url")).getResponseBodyContent();

        assertThat(seen).containsEntry("contentType", "image/jpeg").containsEntry("size", downloaded.length);
        assertThat(ImageIO.read(new ByteArrayInputStream(downloaded)).getWidth())
                .isEqualTo(640);
        String asText = new String(downloaded, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Exif").doesNotContain(TestImages.EXIF_SECRET);
        for (Map<String, Object> thumbnail : (List<Map<String, Object>>) seen.get("thumbnails")) {
            byte[] small = download((String) thumbnail.get("url")).getResponseBodyContent();
            assertThat(ImageIO.read(new ByteArrayInputStream(small)).getWidth()).isEqualTo(thumbnail.get("width"));
        }

        expectError(messagesSeenBy(carol), ErrorType.NOT_FOUND);
        expectError(complete(carol, uploadId), ErrorType.NOT_FOUND);
        expectError(requestUpload(carol, "mine.png", "image/png", 10), ErrorType.NOT_FOUND);
        expectError(attach(carol, messageId, uploadId), ErrorType.NOT_FOUND);
    }

    @Test
    void aFileThatIsNoImageIsDownloadedAsBytesWithItsName() {
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String messageId = send(alice, conversationId, "a cat");
        String uploadId = upload(alice, "cat.png", "image/png", page);

        Map<String, Object> attachment = complete(alice, uploadId)
                .path("completeUpload")
                .entity(Map.class)
                .get();
        attach(alice, messageId, uploadId);

        assertThat(attachment)
                .containsEntry("contentType", "application/octet-stream")
                .containsEntry("width", null)
                .containsEntry("thumbnails", List.of());
        EntityExchangeResult<byte[]> downloaded =
                download((String) attachmentsSeenBy(bob).get(0).get("url"));
        assertThat(downloaded.getResponseBodyContent()).isEqualTo(page);
        assertThat(downloaded.getResponseHeaders().getContentType()).hasToString("application/octet-stream");
        assertThat(downloaded.getResponseHeaders().getContentDisposition().getType())
                .isEqualTo("attachment");
        assertThat(downloaded.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("cat.png");
    }

    @Test
    void aForgedUrlServesNothing() {
        String uploadId = upload(alice, "notes.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8));
        String url = (String) complete(alice, uploadId)
                .path("completeUpload")
                .entity(Map.class)
                .get()
                .get("url");

        String forged = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");

        assertThat(fetch(forged).getStatus().is4xxClientError()).isTrue();
        assertThat(fetch(forged.replace(uploadId, uploadId.substring(1) + "x"))
                        .getStatus()
                        .is4xxClientError())
                .isTrue();
    }

    @Test
    void aUrlOfTheLocalStoreExpires() {
        assumeTrue(store instanceof LocalFileStore, "an S3 store checks its own clock");
        String uploadId = upload(alice, "notes.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8));
        String url = (String) complete(alice, uploadId)
                .path("completeUpload")
                .entity(Map.class)
                .get()
                .get("url");
        assertThat(fetch(url).getStatus().value()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(fetch(url).getStatus().value()).isEqualTo(404);
    }

    @Test
    void theLocalStoreTakesTheBytesOnceAndOnlyWhileTheUploadWaitsForThem() throws IOException {
        assumeTrue(store instanceof LocalFileStore, "an S3 store takes what its presigned URL allows");
        byte[] bomb = TestImages.pngBomb(50_000);
        Map<String, Object> asked = requestUpload(alice, "huge.png", "image/png", bomb.length)
                .path("requestUpload")
                .entity(Map.class)
                .get();
        assertThat(put(asked, bomb).getStatus().value()).isEqualTo(204);
        assertThat(put(asked, bomb).getStatus().value()).as("again").isEqualTo(409);

        expectError(complete(alice, (String) asked.get("id")), ErrorType.BAD_REQUEST);

        assertThat(put(asked, bomb).getStatus().value()).as("once refused").isEqualTo(409);
        assertNothingKeptOf((String) asked.get("id"));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAndNothingIsKept() throws IOException {
        String uploadId = upload(alice, "huge.png", "image/png", TestImages.pngBomb(50_000));

        complete(alice, uploadId)
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("50000×50000 pixels, more than the 33000000 allowed");
                }));

        assertNothingKeptOf(uploadId);
    }

    @Test
    void aFileLargerThanAllowedOrThanAskedForIsRefusedAndNothingIsKept() throws IOException {
        expectError(requestUpload(alice, "film.mp4", "video/mp4", 100 * 1024 * 1024 + 1), ErrorType.BAD_REQUEST);
        expectError(requestUpload(alice, "empty.txt", "text/plain", 0), ErrorType.BAD_REQUEST);

        Map<String, Object> asked = requestUpload(alice, "short.txt", "text/plain", 10)
                .path("requestUpload")
                .entity(Map.class)
                .get();
        assertThat(put(asked, "twenty bytes, not 10".getBytes(StandardCharsets.UTF_8))
                        .getStatus()
                        .is4xxClientError())
                .isTrue();

        String uploadId = (String) asked.get("id");
        expectError(complete(alice, uploadId), ErrorType.BAD_REQUEST);
        assertThat(store.sizeOf(Upload.receivedKey(uploadId))).isEmpty();
    }

    @Test
    void aFileTheScannerFindsIsHeldBackAndNeverAttached() {
        String messageId = send(alice, conversationId, "look at this");
        byte[] infected = ("harmless-looking " + FakeClamd.MALWARE).getBytes(StandardCharsets.US_ASCII);
        String uploadId = upload(alice, "invoice.pdf", "application/pdf", infected);

        expectError(complete(alice, uploadId), ErrorType.FORBIDDEN);
        expectError(complete(alice, uploadId), ErrorType.FORBIDDEN);
        expectError(attach(alice, messageId, uploadId), ErrorType.BAD_REQUEST);

        assertThat(attachmentsSeenBy(bob)).isEmpty();
    }

    @Test
    void onlyItsAuthorAttachesCompletedUploadsOfTheirOwnToAMessage() {
        String alicesMessage = send(alice, conversationId, "mine");
        String bobsMessage = send(bob, conversationId, "his");
        String completed = upload(alice, "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
        complete(alice, completed);
        String notCompleted = upload(alice, "b.txt", "text/plain", "b".getBytes(StandardCharsets.UTF_8));

        expectError(attach(bob, bobsMessage, completed), ErrorType.NOT_FOUND);
        expectError(attach(alice, bobsMessage, completed), ErrorType.FORBIDDEN);
        expectError(attach(alice, alicesMessage, notCompleted), ErrorType.BAD_REQUEST);
        expectError(attach(alice, alicesMessage, completed, notCompleted), ErrorType.BAD_REQUEST);
        assertThat(attachmentsSeenBy(bob)).as("after refusals").isEmpty();

        attach(alice, alicesMessage, completed);
        attach(alice, alicesMessage, completed)
                .path("attachFiles.attachments")
                .entityList(Map.class)
                .hasSize(1);
        String otherMessage = send(alice, conversationId, "again");
        expectError(attach(alice, otherMessage, completed), ErrorType.BAD_REQUEST);
    }

    @Test
    void aDeletedMessagesFilesAreGone() throws Exception {
        String messageId = send(alice, conversationId, "soon gone");
        String uploadId = upload(alice, "photo.jpg", "image/jpeg", TestImages.jpeg(400, 300));
        complete(alice, uploadId);
        attach(alice, messageId, uploadId);
        Map<String, Object> attachment = attachmentsSeenBy(bob).get(0);

        client().deleteMessage(alice, conversationId, messageId)
                .path("deleteMessage.id")
                .hasValue();

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (store.sizeOf(Upload.fileKey(uploadId)).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertNothingKeptOf(uploadId);
        assertThat(fetch((String) attachment.get("url")).getStatus().is4xxClientError())
                .isTrue();
    }

    @Test
    void anUploadNeverAttachedIsRemovedADayAfterItWasAskedFor() throws IOException {
        String messageId = send(alice, conversationId, "kept");
        String attached = upload(alice, "kept.txt", "text/plain", "kept".getBytes(StandardCharsets.UTF_8));
        complete(alice, attached);
        attach(alice, messageId, attached);
        String completed = upload(alice, "left.txt", "text/plain", "left".getBytes(StandardCharsets.UTF_8));
        complete(alice, completed);
        String sent = upload(alice, "sent.txt", "text/plain", "sent".getBytes(StandardCharsets.UTF_8));

        clock.advance(Duration.ofHours(23));
        uploads.removeAbandoned();
        assertThat(rowsOf(completed) + rowsOf(sent)).as("after 23 hours").isEqualTo(2);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        uploads.removeAbandoned();

        assertNothingKeptOf(completed);
        assertNothingKeptOf(sent);
        assertThat(rowsOf(attached)).isEqualTo(1);
        assertThat(store.sizeOf(Upload.fileKey(attached))).isPresent();
    }

    private void assertNothingKeptOf(String uploadId) throws IOException {
        assertThat(rowsOf(uploadId)).as("rows of %s", uploadId).isZero();
        assertThat(store.sizeOf(Upload.receivedKey(uploadId))).isEmpty();
        assertThat(store.sizeOf(Upload.fileKey(uploadId))).isEmpty();
        for (int side : List.of(96, 320, 800)) {
            assertThat(store.sizeOf(Upload.thumbnailKey(uploadId, side))).isEmpty();
        }
    }

    private int rowsOf(String uploadId) {
        return jdbc.sql("select count(*) from file_upload where id = ?")
                .param(uploadId)
                .query(Integer.class)
                .single();
    }

    /** Asks for an upload into the conversation, and sends it {@code bytes}; its id. */
    private String upload(Account uploader, String name, String contentType, byte[] bytes) {
        Map<String, Object> asked = requestUpload(uploader, name, contentType, bytes.length)
                .path("requestUpload")
                .entity(Map.class)
                .get();
        assertThat(put(asked, bytes).getStatus().is2xxSuccessful()).as("sent").isTrue();
        return (String) asked.get("id");
    }

    private GraphQlTester.Response requestUpload(Account uploader, String name, String contentType, int size) {
        return graphQl(uploader)
                .documentName("requestUpload")
                .variable("conversationId", conversationId)
                .variable("name", name)
                .variable("contentType", contentType)
                .variable("size", size)
                .execute();
    }

    private EntityExchangeResult<byte[]> put(Map<String, Object> asked, byte[] bytes) {
        var request = http().method(HttpMethod.valueOf((String) asked.get("method")))
                .uri(absolute((String) asked.get("url")));
        for (Map<String, String> header : (List<Map<String, String>>) asked.get("headers")) {
            if (!header.get("name").equalsIgnoreCase("Content-Length")) {
                request = request.header(header.get("name"), header.get("value"));
            }
        }
        return request.bodyValue(bytes).exchange().expectBody().returnResult();
    }

    private GraphQlTester.Response complete(Account uploader, String uploadId) {
        return graphQl(uploader)
                .documentName("completeUpload")
                .variable("uploadId", uploadId)
                .execute();
    }

    private GraphQlTester.Response attach(Account author, String messageId, String... uploadIds) {
        return graphQl(author)
                .documentName("attachFiles")
                .variable("conversationId", conversationId)
                .variable("messageId", messageId)
                .variable("uploadIds", List.of(uploadIds))
                .execute();
    }

    private GraphQlTester.Response messagesSeenBy(Account member) {
        return graphQl(member)
                .documentName("messageAttachments")
                .variable("conversationId", conversationId)
                .execute();
    }

    /** The attachments of every message of the conversation, as {@code member} sees them. */
    private List<Map<String, Object>> attachmentsSeenBy(Account member) {
        return messagesSeenBy(member).path("allMessage[*].attachments[*]").entityList(Map.class).get().stream()
                .map(attachment -> (Map<String, Object>) attachment)
                .toList();
    }

    private EntityExchangeResult<byte[]> download(String url) {
        EntityExchangeResult<byte[]> result = fetch(url);
        assertThat(result.getStatus().value()).as("download of %s", url).isEqualTo(200);
        return result;
    }

    private EntityExchangeResult<byte[]> fetch(String url) {
        return http().get().uri(absolute(url)).exchange().expectBody().returnResult();
    }

    /** {@code url} as given by the S3 store, or on this server for the local store's. */
    private URI absolute(String url) {
        return URI.create(url.startsWith("http") ? url : client().baseUrl() + url);
    }

    private static FakeClamd start() {
        try {
            return new FakeClamd();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("chatql-files-test");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
