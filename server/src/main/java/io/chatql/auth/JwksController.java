package io.chatql.auth;

import io.chatql.system.BlockingWork;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Publishes the public keys that verify this server's access tokens. */
@RestController
class JwksController {

    private final SigningKeys keys;

    private final BlockingWork blocking;

    JwksController(SigningKeys keys, BlockingWork blocking) {
        this.keys = keys;
        this.blocking = blocking;
    }

    @GetMapping("/.well-known/jwks.json")
    Mono<Map<String, Object>> jwks() {
        return blocking.of(() -> keys.publicKeys().toJSONObject());
    }
}
