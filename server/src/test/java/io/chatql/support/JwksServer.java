package io.chatql.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server that publishes the keys of {@link TestIssuer}s, as an identity provider's JWKS
 * endpoint does, on a free port of the loopback address.
 */
public final class JwksServer {

    private final HttpServer server;

    private final Map<String, TestIssuer> published = new ConcurrentHashMap<>();

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            TestIssuer issuer = published.get(exchange.getRequestURI().getPath());
            byte[] body = (issuer == null ? "{}" : issuer.jwks()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(issuer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Publishes the key of {@code issuer} at {@code path}; returns the URL it is at. */
    public String publish(String path, TestIssuer issuer) {
        published.put(path, issuer);
        return baseUrl() + path;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
