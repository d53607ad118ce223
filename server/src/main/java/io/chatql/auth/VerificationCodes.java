package io.chatql.auth;

import io.chatql.system.ServerSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Six-digit codes sent by e-mail to confirm a sign-up or to set a new password. A code is stored only as
 * an HMAC under a server secret, expires after 15 minutes and dies after 5 attempts; a new code of the
 * same purpose replaces the last, but one asked for again within a minute of a usable one is not made,
 * so that asking again and again mails at most one code a minute.
 */
@Component
class VerificationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    static final int ATTEMPTS = 5;

    static final Duration REISSUE_AFTER = Duration.ofMinutes(1);

    private static final int CODES = 1_000_000;

    private final JdbcClient jdbc;

    private final SecretKeySpec key;

    private final SecureRandom random = new SecureRandom();

    VerificationCodes(JdbcClient jdbc, ServerSecrets secrets) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(secrets.secret("verification-code"), "HmacSHA256");
    }

    /** A new code of {@code purpose} for {@code userId}, replacing the last one. */
    String issue(String userId, Purpose purpose) {
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(CODES));
        jdbc.sql("delete from verification_code where user_id = ? and purpose = ?")
                .params(userId, purpose.name())
                .update();
        jdbc.sql("""
                        insert into verification_code (user_id, purpose, code_hash, expires_at, attempts_left)
                        values (?, ?, ?, ?, ?)""")
                .params(
                        userId,
                        purpose.name(),
                        hash(userId, purpose, code),
                        OffsetDateTime.now(ZoneOffset.UTC).plus(LIFETIME),
                        ATTEMPTS)
                .update();
        return code;
    }

    /**
     * A new code as {@link #issue}, or none while the last one is usable and less than a minute old.
     */
    Optional<String> reissue(String userId, Purpose purpose) {
        OffsetDateTime issuedLessThanAMinuteAgo =
                OffsetDateTime.now(ZoneOffset.UTC).plus(LIFETIME).minus(REISSUE_AFTER);
        long recentUsableCodes = jdbc.sql("""
                        select count(*) from verification_code
                        where user_id = ? and purpose = ? and attempts_left > 0 and expires_at > ?""")
                .params(userId, purpose.name(), issuedLessThanAMinuteAgo)
                .query(Long.class)
                .single();
        return recentUsableCodes > 0 ? Optional.empty() : Optional.of(issue(userId, purpose));
    }

    /**
     * Whether {@code code} is the live code of {@code purpose} for {@code userId}. A right code is used
     * up; a wrong one uses up one attempt, so the caller's transaction must commit either way.
     */
    boolean use(String userId, Purpose purpose, String code) {
        int attempted = jdbc.sql("""
                        update verification_code set attempts_left = attempts_left - 1
                        where user_id = ? and purpose = ? and attempts_left > 0 and expires_at > ?""")
                .params(userId, purpose.name(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        if (attempted == 0) {
            return false;
        }
        String stored = jdbc.sql("select code_hash from verification_code where user_id = ? and purpose = ?")
                .params(userId, purpose.name())
                .query(String.class)
                .single();
        boolean right = MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII),
                hash(userId, purpose, code).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            jdbc.sql("delete from verification_code where user_id = ? and purpose = ?")
                    .params(userId, purpose.name())
                    .update();
        }
        return right;
    }

    private String hash(String userId, Purpose purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose.name() + ':' + userId + ':' + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /** What a code proves once entered. */
    enum Purpose {
        CONFIRM_SIGN_UP,
        RESET_PASSWORD
    }
}
