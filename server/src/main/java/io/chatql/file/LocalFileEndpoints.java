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
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local store's two endpoints, open to whoever holds a valid token, which only members get:
 * {@code PUT /files/uploads/<token>} takes the bytes of one upload, exactly as many as were asked for,
 * streamed to disk, and once only; {@code GET /files/<token>} serves a stored file, never sniffed by
 * the browser. An invalid or expired token is answered 404 as a file that is not there.
 */
class LocalFileEndpoints {

    static final String UPLOADS = "/files/uploads/";

    static final String DOWNLOADS = "/files/";

    private final LocalFileStore store;

    private final FileTokens tokens;

    private final BlockingWork blocking;

    LocalFileEndpoints(LocalFileStore store, FileTokens tokens, BlockingWork blocking) {
        this.store = store;
        this.tokens = tokens;
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
            if (Files.exists(target)) {
                return refused(HttpStatus.CONFLICT, "conflict", "this upload's bytes have arrived already");
            }
            Path part = store.partOf(key);
            return blocking.run(() -> createDirectories(part.getParent()))
                    .then(DataBufferUtils.write(atMost(request.body(BodyExtractors.toDataBuffers()), size), part))
                    .then(blocking.run(() -> moveInPlace(part, target)))
                    .then(ServerResponse.noContent().build())
                    .onErrorResume(
                            TooLong.class,
                            tooLong -> blocking.run(() -> deleteIfExists(part))
                                    .then(refused(
                                            HttpStatus.CONTENT_TOO_LARGE,
                                            "payload_too_large",
                                            "the body must be at most the " + size + " bytes asked for")))
                    .doOnCancel(() -> blocking.run(() -> deleteIfExists(part)).subscribe());
        });
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

    /** {@code body}, failing with {@link TooLong} as soon as more than {@code size} bytes arrived. */
    private static Flux<DataBuffer> atMost(Flux<DataBuffer> body, long size) {
        return Flux.defer(() -> {
            long[] read = {0};
            return body.handle((buffer, sink) -> {
                read[0] += buffer.readableByteCount();
                if (read[0] > size) {
                    DataBufferUtils.release(buffer);
                    sink.error(new TooLong());
                } else {
                    sink.next(buffer);
                }
            });
        });
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

    /** A body longer than its upload. */
    private static final class TooLong extends RuntimeException {

        TooLong() {
            super(null, null, false, false);
        }
    }
}
