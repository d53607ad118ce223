package io.chatql.typing;

import io.chatql.conversation.ConversationAccess;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The membership checks of typing, remembered for a minute: a member signals every 3 seconds while
 * they type, so checking each signal in the database would cost a read every few seconds per typist.
 * A member stays a member (nothing removes memberships), so a remembered membership cannot let in
 * a non-member; a renamed typist shows under the old name for a minute at most, and a conversation
 * that grows past {@value TypingState#NAMED_UP_TO} members still has its typists named for a minute.
 * A non-member is checked each time.
 */
@Component
class TypingMembers {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    static final int CAPACITY = 10_000;

    private final ConversationAccess access;

    private final UserRepository users;

    private final Clock clock;

    private final Map<Membership, Remembered<User>> members = lru();

    private final Map<String, Remembered<Boolean>> crowded = lru();

    TypingMembers(ConversationAccess access, UserRepository users, Clock clock) {
        this.access = access;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The member {@code userId} of the conversation; NOT_FOUND for a non-member, as for every
     * operation on a conversation. May block on the database.
     */
    User requireMember(String userId, String conversationId) {
        Membership membership = new Membership(userId, conversationId);
        User known = recalled(members, membership);
        if (known != null) {
            return known;
        }
        access.requireMember(userId, conversationId);
        User member = users.findById(userId).orElseThrow(() -> ConversationAccess.notFound(conversationId));
        remember(members, membership, member);
        return member;
    }

    /** Whether the conversation has more members than its typists are named for. May block on the database. */
    boolean isCrowded(String conversationId) {
        Boolean known = recalled(crowded, conversationId);
        if (known != null) {
            return known;
        }
        boolean many = access.memberCount(conversationId) > TypingState.NAMED_UP_TO;
        remember(crowded, conversationId, many);
        return many;
    }

    private <K, V> @Nullable V recalled(Map<K, Remembered<V>> memory, K key) {
        Remembered<V> remembered;
        synchronized (memory) {
            remembered = memory.get(key);
        }
        return remembered != null && remembered.until().isAfter(clock.instant()) ? remembered.value() : null;
    }

    private <K, V> void remember(Map<K, Remembered<V>> memory, K key, V value) {
        synchronized (memory) {
            memory.put(key, new Remembered<>(value, clock.instant().plus(REMEMBERED_FOR)));
        }
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    private record Membership(String userId, String conversationId) {}

    private record Remembered<V>(V value, Instant until) {}
}
