package io.chatql.system;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Requests whose bodies an endpoint streams and holds to a limit of its own, such as the bytes of an
 * upload, rather than to the 1 MB that {@link RequestSizeLimit} holds every other body to.
 */
public interface StreamedBodies {

    /** Whether {@code request} is one of them. */
    boolean includes(ServerHttpRequest request);
}
