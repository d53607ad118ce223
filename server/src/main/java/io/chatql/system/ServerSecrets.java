package io.chatql.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets kept in the database, made on first use, so that every node and every restart uses
 * the same ones.
 */
@Component
public class ServerSecrets {

    private static final int SECRET_BYTES = 32;

    private final JdbcClient jdbc;

    private final SecureRandom random = new SecureRandom();

    ServerSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The secret called {@code name}; the first caller on any node creates it. */
    public byte[] secret(String name) {
        return find(name).orElseGet(() -> create(name));
    }

    private Optional<byte[]> find(String name) {
        List<String> found = jdbc.sql("select secret from server_secret where name = ?")
                .param(name)
                .query(String.class)
                .list();
        return found.stream().findFirst().map(Base64.getDecoder()::decode);
    }

    private byte[] create(String name) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            jdbc.sql("insert into server_secret (name, secret) values (?, ?)")
                    .params(name, Base64.getEncoder().encodeToString(secret))
                    .update();
            return secret;
        } catch (DuplicateKeyException raced) {
            return find(name).orElseThrow(() -> raced);
        }
    }
}
