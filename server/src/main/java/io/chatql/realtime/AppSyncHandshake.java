package io.chatql.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the credentials an AppSync client gives with the WebSocket handshake, in any of its three
 * ways: a base64 or base64url JSON {@code header} query parameter, percent-encoded or not, a {@code
 * header-<base64url JSON>} entry among the subprotocols, or plain {@code Authorization} or {@code
 * x-api-key} HTTP headers. Keys other than those, such as {@code host}, are ignored.
 */
class AppSyncHandshake {

    private static final String SUBPROTOCOL_PREFIX = "header-";

    private final JsonMapper json;

    AppSyncHandshake(JsonMapper json) {
        this.json = json;
    }

    Map<String, Object> credentials(HandshakeInfo handshake) {
        String fromQuery = UriComponentsBuilder.fromUri(handshake.getUri())
                .build()
                .getQueryParams()
                .getFirst("header");
        if (fromQuery != null) {
            return decode(percentDecoded(fromQuery));
        }
        for (String value : handshake.getHeaders().getOrEmpty("Sec-WebSocket-Protocol")) {
            for (String entry : value.split(",")) {
                if (entry.strip().startsWith(SUBPROTOCOL_PREFIX)) {
                    return decode(entry.strip().substring(SUBPROTOCOL_PREFIX.length()));
                }
            }
        }
        return fromHttpHeaders(handshake.getHeaders());
    }

    /**
     * The query parameter as the client wrote it: browsers and proxies may percent-encode the {@code +},
     * {@code /} and {@code =} of base64, or not. A {@code +} stays one, as base64 has no spaces.
     */
    private static String percentDecoded(String value) {
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return value;
        }
    }

    private Map<String, Object> decode(String encoded) {
        try {
            String padded = encoded.replace('-', '+').replace('_', '/');
            byte[] bytes = Base64.getDecoder().decode(padded + "=".repeat((4 - padded.length() % 4) % 4));
            return Protocol.mapOf(json.readValue(new String(bytes, StandardCharsets.UTF_8), Map.class));
        } catch (IllegalArgumentException | JacksonException ex) {
            return Map.of();
        }
    }

    private static Map<String, Object> fromHttpHeaders(HttpHeaders headers) {
        Map<String, Object> credentials = new HashMap<>();
        for (String name : List.of(HttpHeaders.AUTHORIZATION, "x-api-key")) {
            @Nullable String value = headers.getFirst(name);
            if (value != null) {
                credentials.put(name, value);
            }
        }
        return credentials;
    }
}
