package io.chatql.file;

import io.chatql.system.BlockingWork;
import io.chatql.system.StreamedBodies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The store and the scanner that {@code chatql.files.*} choose, decided when the server starts; the
 * local store's endpoints, and its upload bodies left out of the 1 MB limit of other requests.
 */
@Configuration(proxyBeanMethods = false)
class FileStorage {

    @Bean
    FileStore fileStore(FileProperties properties, FileTokens tokens, Clock clock) {
        return switch (properties.storage()) {
            case LOCAL -> new LocalFileStore(properties.directory(), tokens);
            case S3 -> S3FileStore.of(properties.s3(), clock);
        };
    }

    @Bean
    FileScanner fileScanner(FileProperties properties) {
        FileProperties.Scanner scanner = properties.scanner();
        return switch (scanner.kind()) {
            case NONE -> FileScanner.NONE;
            case CLAMD -> new ClamdScanner(scanner.host(), scanner.port(), scanner.timeout());
        };
    }

    /** The local store's endpoints; none with another store. */
    @Bean
    RouterFunction<ServerResponse> localFileEndpoints(
            FileStore store, FileTokens tokens, FileRepository uploads, BlockingWork blocking) {
        if (!(store instanceof LocalFileStore local)) {
            return request -> Mono.empty();
        }
        LocalFileEndpoints endpoints = new LocalFileEndpoints(
                local,
                tokens,
                id -> uploads.find(id)
                        .filter(upload -> upload.status() == Upload.Status.REQUESTED)
                        .isPresent(),
                blocking);
        return RouterFunctions.route()
                .PUT(LocalFileEndpoints.UPLOADS + "{token}", endpoints::upload)
                .GET(LocalFileEndpoints.DOWNLOADS + "{token}", endpoints::download)
                .build();
    }

    @Bean
    StreamedBodies localUploadBodies(FileStore store) {
        return request -> store instanceof LocalFileStore
                && request.getMethod().matches("PUT")
                && request.getPath().value().startsWith(LocalFileEndpoints.UPLOADS);
    }
}
