package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The credentials an AppSync client gives with the handshake, in each of its three ways, and bad ones. */
class AppSyncHandshakeTests {

    private static final String HEADER = "{\"host\":\"chat.example.com\",\"Authorization\":\"jwt?>>\"}";

    private final AppSyncHandshake handshake =
            new AppSyncHandshake(JsonMapper.builder().build());

    @Test
    void credentialsInTheHeaderQueryParameterAreBase64Json() {
        String header = Base64.getEncoder().encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(handshake.credentials(at("?header=" + header + "&payload=e30=", new HttpHeaders())))
                .containsEntry("Authorization", "jwt?>>");
    }

    @Test
    void theHeaderQueryParameterMayBePercentEncoded() {
        String header = Base64.getEncoder().encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));
        String encoded = URLEncoder.encode(header, StandardCharsets.UTF_8);

        assertThat(encoded).contains("%3D").contains("%2F");
        assertThat(handshake.credentials(at("?header=" + encoded + "&payload=e30%3D", new HttpHeaders())))
                .containsEntry("Authorization", "jwt?>>");
    }

    @Test
    void theHeaderQueryParameterMayBeBase64Url() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(handshake.credentials(at("?header=" + header, new HttpHeaders())))
                .containsEntry("Authorization", "jwt?>>");
    }

    @Test
    void credentialsInASubprotocolEntryAreBase64UrlJsonWithoutPadding() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));
        HttpHeaders headers = new HttpHeaders();
        headers.add("Sec-WebSocket-Protocol", "graphql-ws, header-" + header);

        assertThat(handshake.credentials(at("", headers))).containsEntry("Authorization", "jwt?>>");
    }

    @Test
    void withoutEncodedCredentialsOnlyTheAuthorizationAndApiKeyHeadersAreTaken() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Authorization", "jwt");
        headers.add("x-api-key", "da2-key");
        headers.add("host", "chat.example.com");
        headers.add("Sec-WebSocket-Protocol", "graphql-ws");

        assertThat(handshake.credentials(at("", headers)))
                .isEqualTo(Map.of("Authorization", "jwt", "x-api-key", "da2-key"));
    }

    @Test
    void theHeaderQueryParameterWinsOverTheSubprotocolEntry() {
        String fromQuery =
                Base64.getEncoder().encodeToString("{\"x-api-key\":\"query\"}".getBytes(StandardCharsets.UTF_8));
        HttpHeaders headers = new HttpHeaders();
        headers.add("Sec-WebSocket-Protocol", "graphql-ws, header-eyJ4LWFwaS1rZXkiOiJwcm90b2NvbCJ9");

        assertThat(handshake.credentials(at("?header=" + fromQuery, headers))).isEqualTo(Map.of("x-api-key", "query"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not*base64", "bm90IGpzb24=", "WyJqd3QiXQ==", "bnVsbA==", ""})
    void aHeaderThatIsNotBase64OfAJsonObjectGivesNoCredentials(String header) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Authorization", "jwt");

        assertThat(handshake.credentials(at("?header=" + header, headers))).isEmpty();
    }

    private static HandshakeInfo at(String query, HttpHeaders headers) {
        return new HandshakeInfo(
                URI.create("ws://localhost:8080/graphql/realtime" + query), headers, Mono.empty(), "graphql-ws");
    }
}
