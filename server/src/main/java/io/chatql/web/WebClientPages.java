package io.chatql.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the web client's {@code index.html} for every page of the app, so that a deep link or a
 * reload of {@code /conversations/…} opens the app, which then routes it. The app's other files are
 * Spring Boot's static resources; the server's own paths are never taken for pages.
 */
@Configuration(proxyBeanMethods = false)
class WebClientPages {

    /** Paths of the server itself, not of the app. */
    static final List<String> SERVER_PATHS = List.of("/graphql", "/auth/", "/actuator", "/.well-known/", "/files/");

    @Bean
    RouterFunction<ServerResponse> webClientPage(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(
                appPage(),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(index));
    }

    /** A GET for HTML of a path with no file extension, outside the server's own paths. */
    private static RequestPredicate appPage() {
        return request -> {
            if (!request.method().matches("GET")
                    || !request.headers().accept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith)) {
                return false;
            }
            String path = request.path();
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return !lastSegment.contains(".") && SERVER_PATHS.stream().noneMatch(path::startsWith);
        };
    }
}
