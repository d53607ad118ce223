package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatql.user.User;
import io.chatql.user.UserRepository;
import io.chatql.user.Users;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/** A wrong password and an unknown username are refused alike, and after the same work. */
class SignInRefusalTests {

    private static final String ADDRESS = "192.0.2.1";

    private final UserRepository users = mock(UserRepository.class);

    private final CredentialRepository credentials = mock(CredentialRepository.class);

    private final PasswordEncoder passwords = spy(new BCryptPasswordEncoder(4));

    private final Accounts accounts = new Accounts(
            mock(Users.class),
            users,
            credentials,
            mock(RefreshTokens.class),
            mock(AccessTokens.class),
            passwords,
            mock(TransactionOperations.class),
            mock(VerificationCodes.class),
            mock(AccountMail.class),
            new AttemptLimits(new AttemptLimitProperties(5, 20, Duration.ofMinutes(1), Duration.ofHours(1))),
            mock(AccountRoles.class),
            mock(ApplicationEventPublisher.class),
            mock(DisabledAccountRepository.class));

    @Test
    void wrongPasswordAndUnknownUserEachCostOneBcryptCheckAndGetTheSameRefusal() {
        String hash = passwords.encode("the right password");
        when(users.findByUsername("alice")).thenReturn(Optional.of(new User("alice-id", "alice", false)));
        when(credentials.find("alice-id"))
                .thenReturn(Optional.of(new CredentialRepository.Credential("alice@example.com", hash, true)));

        Throwable wrongPassword = catchThrowable(() -> accounts.signIn("alice", "a wrong guess", ADDRESS));
        verify(passwords, times(1)).matches(eq("a wrong guess"), startsWith("$2"));

        Throwable unknownUser = catchThrowable(() -> accounts.signIn("nobody", "a wrong guess", ADDRESS));
        verify(passwords, times(2)).matches(eq("a wrong guess"), startsWith("$2"));

        assertThat(wrongPassword).isInstanceOf(BadCredentialsException.class);
        assertThat(unknownUser).isInstanceOf(BadCredentialsException.class).hasMessage(wrongPassword.getMessage());
    }
}
