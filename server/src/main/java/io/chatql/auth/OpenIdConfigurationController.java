package io.chatql.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Describes the built-in issuer at {@code /.well-known/openid-configuration}, so that clients and
 * other servers can find its keys and endpoints. Its URLs start with {@code chatql.auth.public-base-url}
 * when that is set, else with the scheme, host and port of the request.
 */
@RestController
class OpenIdConfigurationController {

    private final AuthProperties properties;

    OpenIdConfigurationController(AuthProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/.well-known/openid-configuration")
    Map<String, Object> openIdConfiguration(ServerHttpRequest request) {
        String base = baseUrl(request);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", properties.issuer());
        configuration.put("jwks_uri", base + "/.well-known/jwks.json");
        configuration.put("token_endpoint", base + "/auth/sign-in");
        configuration.put("response_types_supported", List.of("token"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("none"));
        configuration.put(
                "claims_supported",
                List.of("iss", "sub", "iat", "exp", AccessTokens.USERNAME_CLAIM, "token_use", Roles.CLAIM));
        return configuration;
    }

    private String baseUrl(ServerHttpRequest request) {
        URI configured = properties.publicBaseUrl();
        if (configured != null) {
            return configured.toString().replaceAll("/+$", "");
        }
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(null)
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
