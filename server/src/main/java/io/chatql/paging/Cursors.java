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
        return position == null
                ? null
                : encode(scope, ByteBuffer.allocate(Long.BYTES).putLong(position));
    }

    /** The position in {@code token}, or null for no token; refuses tokens not made for {@code scope}. */
    public @Nullable Long decode(String scope, @Nullable String token) {
        return token == null ? null : decode(scope, token, Long.BYTES).getLong();
    }

    /**
     * The token that continues the listing {@code scope} after the item at {@code key}, for listings
     * ordered by two positions, such as an instant and what breaks its ties.
     */
    public String encode(String scope, Pair key) {
        return encode(
                scope, ByteBuffer.allocate(2 * Long.BYTES).putLong(key.first()).putLong(key.second()));
    }

    /** The pair of positions in {@code token}, or null for no token; refuses tokens not made for {@code scope}. */
    public @Nullable Pair decodePair(String scope, @Nullable String token) {
        if (token == null) {
            return null;
        }
        ByteBuffer key = decode(scope, token, 2 * Long.BYTES);
        return new Pair(key.getLong(), key.getLong());
    }

    private String encode(String scope, ByteBuffer key) {
        byte[] payload = key.array();
        byte[] token = ByteBuffer.allocate(payload.length + SIGNATURE_BYTES)
                .put(payload)
                .put(sign(scope, payload))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private ByteBuffer decode(String scope, String token, int payloadLength) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException ex) {
            throw invalid();
        }
        if (bytes.length != payloadLength + SIGNATURE_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOfRange(bytes, 0, payloadLength);
        byte[] signature = Arrays.copyOfRange(bytes, payloadLength, bytes.length);
        if (!MessageDigest.isEqual(signature, sign(scope, payload))) {
            throw invalid();
        }
        return ByteBuffer.wrap(payload);
    }

    /** Two positions that together place an item in its listing. */
    public record Pair(long first, long second) {}

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
