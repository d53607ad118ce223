package io.chatql.safety;

import io.chatql.conversation.AddingConsent;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Blocks between users. A block is the blocker's alone: nothing is announced, and the blocked user
 * sees it nowhere. A blocked user cannot add the blocker to a conversation ({@link AddingConsent}).
 * Every method blocks on the database.
 */
@Service
class Blocks implements AddingConsent {

    private final UserBlockRepository blocks;

    private final UserRepository users;

    Blocks(UserBlockRepository blocks, UserRepository users) {
        this.blocks = blocks;
        this.users = users;
    }

    /** Blocks {@code userId} for the caller, who cannot block themselves; blocking again changes nothing. */
    User block(String callerId, String userId) {
        User user = other(callerId, userId, "you cannot block yourself");
        if (!blocks.isBlocked(callerId, userId)) {
            try {
                blocks.insert(callerId, userId);
            } catch (DuplicateKeyException raced) {
                // Blocked by another request of the caller meanwhile.
            }
        }
        return user;
    }

    /** Lifts the caller's block of {@code userId}; unblocking a user not blocked changes nothing. */
    User unblock(String callerId, String userId) {
        User user = other(callerId, userId, "you cannot unblock yourself");
        blocks.delete(callerId, userId);
        return user;
    }

    /** The users the caller blocked, the latest first. */
    List<User> blockedBy(String callerId) {
        return blocks.findBlocked(callerId);
    }

    @Override
    public boolean consents(String userId, String addedBy) {
        return !blocks.isBlocked(userId, addedBy);
    }

    private User other(String callerId, String userId, String refusalOfSelf) {
        Inputs.requireId("userId", userId);
        if (userId.equals(callerId)) {
            throw new InvalidInputException(refusalOfSelf);
        }
        return users.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
    }
}
