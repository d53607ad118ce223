package io.chatql.file;

import io.chatql.system.ServerSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tokens of the local store's URLs: what they allow (a purpose and its fields) and until when,
 * signed with HMAC-SHA256 under a secret of the server's, so that every node accepts what any node
 * signed, and no one can make or change one.
 */
@Component
class FileTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private static final char SEPARATOR = '\n';

    private final ServerSecrets secrets;

    private final Clock clock;

    private volatile byte @Nullable [] secret;

    FileTokens(ServerSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A token for {@code purpose} with {@code fields}, accepted until {@code expiresAt}. */
    String sign(String purpose, Instant expiresAt, List<String> fields) {
        StringBuilder payload = new StringBuilder(purpose).append(SEPARATOR).append(expiresAt.getEpochSecond());
        fields.forEach(field -> payload.append(SEPARATOR).append(field));
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac(bytes));
    }

    /** The fields of {@code token} when it is one signed for {@code purpose} and not expired. */
    Optional<List<String>> verify(String purpose, String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        List<String> fields = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
        if (fields.size() < 2 || !fields.get(0).equals(purpose)) {
            return Optional.empty();
        }
        if (Instant.ofEpochSecond(Long.parseLong(fields.get(1))).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(fields.subList(2, fields.size()));
    }

    /** The secret, read from the database once. */
    private byte[] secret() {
        byte[] read = secret;
        if (read == null) {
            read = secrets.secret("file-urls");
            secret = read;
        }
        return read;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret(), ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", unavailable);
        }
    }
}
