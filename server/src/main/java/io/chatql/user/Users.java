package io.chatql.user;

import io.chatql.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Adds and registers users, announcing each change to {@code subscribeToNewUsers} after commit. */
@Service
public class Users {

    private final UserRepository users;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    Users(UserRepository users, ApplicationEventPublisher events, TransactionOperations transaction) {
        this.users = users;
        this.events = events;
        this.transaction = transaction;
    }

    /** Adds a user made at sign-up, not yet registered; refuses an invalid or taken username. */
    public User add(String id, String username) {
        return transaction.execute(status -> {
            User user = new User(id, Usernames.requireValid(username), false);
            users.insert(user);
            events.publishEvent(new UserRegistered(user));
            return user;
        });
    }

    /**
     * Registers the caller under {@code username}, or renames it. Calling it again with the same name
     * changes nothing and announces nothing.
     */
    public User register(String id, String username) {
        return transaction.execute(status -> {
            Usernames.requireValid(username);
            User current = users.findById(id).orElseThrow(() -> new NotFoundException("unknown user " + id));
            User registered = new User(id, username, true);
            if (current.equals(registered)) {
                return current;
            }
            users.register(id, username);
            events.publishEvent(new UserRegistered(registered));
            return registered;
        });
    }
}
