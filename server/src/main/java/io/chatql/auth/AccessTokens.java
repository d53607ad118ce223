package io.chatql.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.chatql.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs the access tokens of the built-in identity. */
@Component
public class AccessTokens {

    /** The claim that carries the username, as in Cognito's access tokens. */
    static final String USERNAME_CLAIM = "username";

    private final SigningKeys keys;

    private final AccountRoles roles;

    private final AuthProperties properties;

    private final Clock clock;

    AccessTokens(SigningKeys keys, AccountRoles roles, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.roles = roles;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new access token for {@code user}, with its roles, valid for the configured lifetime. */
    String issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenLifetime()))
                .claim(USERNAME_CLAIM, user.username())
                .claim("token_use", "access")
                .claim(Roles.CLAIM, roles.of(user))
                .build();
        RSAKey key = keys.signingKey();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    long lifetimeSeconds() {
        return properties.accessTokenLifetime().toSeconds();
    }

    /**
     * The token in an {@code Authorization} value: after {@code Bearer }, or the whole value when it is
     * a raw JWT, as the AppSync client sends it; null when there is none.
     */
    public static @Nullable String fromAuthorization(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            value = value.substring("bearer ".length()).strip();
        }
        return value.isEmpty() ? null : value;
    }
}
