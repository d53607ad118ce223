package io.chatql.paging;

import io.chatql.system.InvalidInputException;
import io.chatql.system.ServerSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns keyset positions into opaque {@code nextToken} strings and back. A token names the listing it
 * belongs to (its scope, such as the messages of one conversation) and is signed with a secret shared
 * by all nodes, so a token from another listing, an altered one or a made-up one is refused.
 */
@Component
public class Cursors {

    private static final String ALGORITHM = "HmacSHA256";

    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    Cursors(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.secret("cursor-signing"), ALGORITHM);
    }

    /** The token that continues the listing {@code scope} after {@code position}. */
    public @Nullable String encode(String scope, @Nullable Long position) {
        if (position == null) {
            return null;
        }
        byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(position).array();
        byte[] token = ByteBuffer.allocate(payload.length + SIGNATURE_BYTES)
                .put(payload)
                .put(sign(scope, payload))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position in {@code token}, or null for no token; refuses tokens not made for {@code scope}. */
    public @Nullable Long decode(String scope, @Nullable String token) {
        if (token == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException ex) {
            throw invalid();
        }
        if (bytes.length != Long.BYTES + SIGNATURE_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOfRange(bytes, 0, Long.BYTES);
        byte[] signature = Arrays.copyOfRange(bytes, Long.BYTES, bytes.length);
        if (!MessageDigest.isEqual(signature, sign(scope, payload))) {
            throw invalid();
        }
        return ByteBuffer.wrap(payload).getLong();
    }

    private byte[] sign(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("nextToken is not valid for this listing");
    }
}
