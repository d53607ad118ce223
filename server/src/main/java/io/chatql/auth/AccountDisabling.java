package io.chatql.auth;

import io.chatql.system.Caller;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Disables and enables accounts, for administrators. A disabled account cannot sign in, its refresh
 * tokens are revoked, and every node refuses its access tokens and API keys and closes its real-time
 * connections as soon as it hears of it ({@link AccountDisabled}). Both run in the caller's
 * transaction when there is one, so that moderation can disable the author of a message in the
 * transaction that resolves its report.
 */
@Service
public class AccountDisabling {

    private final UserRepository users;

    private final DisabledAccountRepository disabled;

    private final RefreshTokens refreshTokens;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    AccountDisabling(
            UserRepository users,
            DisabledAccountRepository disabled,
            RefreshTokens refreshTokens,
            ApplicationEventPublisher events,
            TransactionOperations transaction) {
        this.users = users;
        this.disabled = disabled;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * Disables the account of {@code userId}; an administrator may not disable their own. Disabling a
     * disabled account changes nothing stored, and announces it again, so that a node that missed the
     * first announcement (while Redis was down) closes what it still holds open. Blocks on the
     * database.
     */
    public User disable(Caller caller, String userId) {
        requireAdministrator(caller);
        Inputs.requireId("userId", userId);
        if (userId.equals(caller.id())) {
            throw new InvalidInputException("you cannot disable your own account");
        }
        return transaction.execute(status -> {
            User user = lockedUser(userId);
            if (!disabled.isDisabled(userId)) {
                disabled.insert(userId, caller.id());
            }
            refreshTokens.revokeAllOf(userId);
            events.publishEvent(new AccountDisabled(userId));
            return user;
        });
    }

    /**
     * Enables the account of {@code userId} again: it may sign in, and the access tokens and API keys it
     * still holds are accepted once more. Enabling an enabled account changes nothing. Blocks on the
     * database.
     */
    public User enable(Caller caller, String userId) {
        requireAdministrator(caller);
        Inputs.requireId("userId", userId);
        return transaction.execute(status -> {
            User user = lockedUser(userId);
            disabled.delete(userId);
            events.publishEvent(new AccountEnabled(userId));
            return user;
        });
    }

    private User lockedUser(String userId) {
        return users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only an administrator may disable or enable accounts");
        }
    }
}
