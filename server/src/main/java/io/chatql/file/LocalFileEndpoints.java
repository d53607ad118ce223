package io.chatql.file;

import io.chatql.system.BlockingWork;
import io.chatql.system.RestErrorMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The local store's two endpoints, open to whoever holds a valid token, which only members get:
 * {@code PUT /files/uploads/<token>} takes the bytes of one upload, exactly as many as were asked for,
 * streamed to disk, once only, and only while the upload waits for them; {@code GET /files/<token>} serves a stored file, never sniffed by
 * the browser. An invalid or expired token is answered 404 as a file that is not there.
 */
class LocalFileEndpoints {

    static final String UPLOADS = "/files/uploads/";

    static final String DOWNLOADS = "/files/";

    private final LocalFileStore store;

    private final FileTokens tokens;

    private final Predicate<String> awaiting;

    private final BlockingWork blocking;

    /** {@code awaiting} tells, blocking, whether an upload of that id still waits for its bytes. */
    LocalFileEndpoints(LocalFileStore store, FileTokens tokens, Predicate<String> awaiting, BlockingWork blocking) {
        this.store = store;
        this.tokens = tokens;
        this.awaiting = awaiting;
        this.blocking = blocking;
    }

    Mono<ServerResponse> upload(ServerRequest request) {
        return verified(LocalFileStore.UPLOAD_PURPOSE, request).flatMap(fields -> {
            if (fields.isEmpty()) {
                return notFound();
            }
            String key = fields.get().get(0);
            long size = Long.parseLong(fields.get().get(1));
            if (request.headers().contentLength().orElse(-1) != size) {
                return refused(
                        HttpStatus.BAD_REQUEST,
                        "invalid_request",
                        "the body must be the " + size + " bytes asked for, with its Content-Length");
            }
            Path target = store.pathOf(key);
            Path part = store.partOf(key);
            return blocking.of(() -> awaiting.test(key.substring(0, key.indexOf('/'))) && !Files.exists(target))
                    .flatMap(open -> open ? receive(request, part, target) : gone());
        });
    }

    /**
     * Streams the body to {@code part}, and moves it to {@code target} once whole; HTTP framing holds
     * it to its Content-Length. A body cut short leaves nothing.
     */
    private Mono<ServerResponse> receive(ServerRequest request, Path part, Path target) {
        return blocking.run(() -> createDirectories(part.getParent()))
                .then(DataBufferUtils.write(request.body(BodyExtractors.toDataBuffers()), part))
                .then(blocking.run(() -> moveInPlace(part, target)))
                .then(ServerResponse.noContent().build())
                .doOnError(failed -> blocking.run(() -> deleteIfExists(part)).subscribe())
                .doOnCancel(() -> blocking.run(() -> deleteIfExists(part)).subscribe());
    }

    Mono<ServerResponse> download(ServerRequest request) {
        return verified(LocalFileStore.DOWNLOAD_PURPOSE, request).flatMap(fields -> {
            if (fields.isEmpty()) {
                return notFound();
            }
            List<String> granted = fields.get();
            Path file = store.pathOf(granted.get(0));
            if (!Files.isRegularFile(file)) {
                return notFound();
            }
            ContentDisposition disposition = ContentDisposition.builder(granted.get(2))
                    .filename(granted.get(3), StandardCharsets.UTF_8)
                    .build();
            return ServerResponse.ok()
                    .contentType(MediaType.parseMediaType(granted.get(1)))
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(new FileSystemResource(file));
        });
    }

    private Mono<Optional<List<String>>> verified(String purpose, ServerRequest request) {
        String token = request.pathVariable("token");
        return blocking.of(() -> tokens.verify(purpose, token));
    }

    private static Mono<ServerResponse> gone() {
        return refused(HttpStatus.CONFLICT, "conflict", "this upload's bytes arrived already, or it was removed");
    }

    private static Mono<ServerResponse> notFound() {
        return refused(HttpStatus.NOT_FOUND, "not_found", "no such file, or its URL expired");
    }

    private static Mono<ServerResponse> refused(HttpStatus status, String error, String message) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RestErrorMapping.Body(error, message));
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void moveInPlace(Path part, Path target) {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void deleteIfExists(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
