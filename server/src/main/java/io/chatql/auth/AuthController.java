package io.chatql.auth;

import io.chatql.system.BlockingWork;
import io.chatql.system.Inputs;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The REST endpoints of the built-in identity; their refusals are answered by system's REST error mapping. */
@RestController
@RequestMapping("/auth")
class AuthController {

    private final Accounts accounts;

    private final SignUpConfirmations confirmations;

    private final PasswordChanges passwordChanges;

    private final BlockingWork blocking;

    AuthController(
            Accounts accounts,
            SignUpConfirmations confirmations,
            PasswordChanges passwordChanges,
            BlockingWork blocking) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.passwordChanges = passwordChanges;
        this.blocking = blocking;
    }

    @PostMapping("/sign-up")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Accounts.SignedUp> signUp(@RequestBody SignUp request) {
        return blocking.of(() -> accounts.signUp(request.username(), request.email(), request.password()));
    }

    @PostMapping("/confirm-sign-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmSignUp(@RequestBody ConfirmSignUp request, ServerHttpRequest http) {
        return blocking.run(() -> confirmations.confirm(request.username(), request.code(), addressOf(http)));
    }

    @PostMapping("/resend-confirmation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> resendConfirmation(@RequestBody UsernameOnly request) {
        return blocking.run(() -> confirmations.resend(request.username()));
    }

    @PostMapping("/sign-in")
    Mono<Accounts.Tokens> signIn(@RequestBody SignIn request, ServerHttpRequest http) {
        return blocking.of(() -> accounts.signIn(request.username(), request.password(), addressOf(http)));
    }

    @PostMapping("/refresh")
    Mono<Accounts.Tokens> refresh(@RequestBody RefreshToken request) {
        return blocking.of(() -> accounts.refresh(request.refreshToken()));
    }

    @PostMapping("/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> signOut(@RequestBody RefreshToken request) {
        return blocking.run(() -> accounts.signOut(request.refreshToken()));
    }

    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> forgotPassword(@RequestBody UsernameOnly request) {
        return blocking.run(() -> passwordChanges.forgot(request.username()));
    }

    @PostMapping("/confirm-forgot-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmForgotPassword(@RequestBody ConfirmForgotPassword request, ServerHttpRequest http) {
        return blocking.run(() -> passwordChanges.confirmForgotten(
                request.username(), request.code(), request.newPassword(), addressOf(http)));
    }

    /** Needs an access token: see {@code SecurityConfiguration}. */
    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changePassword(
            @AuthenticationPrincipal Jwt user, @RequestBody ChangePassword request, ServerHttpRequest http) {
        return blocking.run(() -> passwordChanges.change(
                user.getSubject(), request.oldPassword(), request.newPassword(), addressOf(http)));
    }

    /**
     * The client's IP address, as the connection shows it (or as {@code Forwarded} headers do, when
     * {@code server.forward-headers-strategy} trusts them).
     */
    private static String addressOf(ServerHttpRequest http) {
        InetSocketAddress remote = http.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    record SignUp(
            @Nullable String username,
            @Nullable String email,
            @Nullable String password) {
        SignUp {
            Inputs.requireStorable("username", username);
            Inputs.requireStorable("email", email);
            Inputs.requireStorable("password", password);
        }
    }

    record ConfirmSignUp(
            @Nullable String username, @Nullable String code) {
        ConfirmSignUp {
            Inputs.requireStorable("username", username);
            Inputs.requireStorable("code", code);
        }
    }

    record UsernameOnly(@Nullable String username) {
        UsernameOnly {
            Inputs.requireStorable("username", username);
        }
    }

    record ConfirmForgotPassword(
            @Nullable String username,
            @Nullable String code,
            @Nullable String newPassword) {
        ConfirmForgotPassword {
            Inputs.requireStorable("username", username);
            Inputs.requireStorable("code", code);
            Inputs.requireStorable("newPassword", newPassword);
        }
    }

    record ChangePassword(
            @Nullable String oldPassword, @Nullable String newPassword) {
        ChangePassword {
            Inputs.requireStorable("oldPassword", oldPassword);
            Inputs.requireStorable("newPassword", newPassword);
        }
    }

    record SignIn(@Nullable String username, @Nullable String password) {
        SignIn {
            Inputs.requireStorable("username", username);
            Inputs.requireStorable("password", password);
        }
    }

    record RefreshToken(@Nullable String refreshToken) {
        RefreshToken {
            Inputs.requireStorable("refreshToken", refreshToken);
        }
    }
}
