package io.chatql.typing;

import io.chatql.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is typing where, and when each conversation's list is to be told: a typist is dropped {@link
 * #EXPIRY} after their last signal, at once when they stop and when they are disconnected; a change is
 * told at once, unless the conversation's last one was told less than its coalescing time ago ({@link
 * #COALESCING}, or {@link #CROWDED_COALESCING} in a crowded conversation), in which case whatever the
 * list is then is told when that time is up: the board answers when ({@link #takeDue}), and its owner
 * {@link #flush flushes} the conversation then. A change that leaves the list as last told is not told.
 *
 * <p>Pure logic on the times it is given; not thread-safe, its owner serializes the calls.
 */
final class TypingBoard {

    /** How long a signal holds: clients signal every 3 seconds while their user types. */
    static final Duration EXPIRY = Duration.ofSeconds(6);

    /**
     * The shortest time between two changes told of a conversation whose typists are named. A change
     * waits for it at most, which leaves 100 of the 150 ms that a change may take to reach the members
     * to carrying the signal and the change; each conversation is still told 20 times a second at most,
     * to its 100 members at most.
     */
    static final Duration COALESCING = Duration.ofMillis(50);

    /**
     * The same in a crowded conversation, where only the count is told, to members by the thousand: it
     * is told once a second at most, however many type, so its events cost each member one a second.
     */
    static final Duration CROWDED_COALESCING = Duration.ofSeconds(1);

    private final Map<String, ConversationTyping> conversations = new HashMap<>();

    /** The conversations whose change began to wait since {@link #takeDue} was last asked, and until when. */
    private final List<Due> due = new ArrayList<>();

    /** The member {@code typist} is typing in the conversation, or stopped; answers what is to be told now. */
    List<TypingChanged> signal(String conversationId, User typist, boolean typing, boolean crowded, Instant now) {
        ConversationTyping conversation = conversations.computeIfAbsent(conversationId, id -> new ConversationTyping());
        conversation.crowded = crowded;
        if (typing) {
            conversation.typists.put(typist.id(), new Typist(typist, now.plus(EXPIRY)));
        } else {
            conversation.typists.remove(typist.id());
        }
        List<TypingChanged> told = new ArrayList<>();
        changed(conversationId, conversation, now, told);
        return told;
    }

    /** The user is no longer typing anywhere; answers what is to be told now. */
    List<TypingChanged> drop(String userId, Instant now) {
        List<TypingChanged> told = new ArrayList<>();
        conversations.forEach((conversationId, conversation) -> {
            if (conversation.typists.remove(userId) != null) {
                changed(conversationId, conversation, now, told);
            }
        });
        return told;
    }

    /** Drops the typists whose signal has expired; answers what is to be told now. */
    List<TypingChanged> tick(Instant now) {
        List<TypingChanged> told = new ArrayList<>();
        Iterator<Map.Entry<String, ConversationTyping>> each =
                conversations.entrySet().iterator();
        while (each.hasNext()) {
            Map.Entry<String, ConversationTyping> entry = each.next();
            ConversationTyping conversation = entry.getValue();
            boolean expired = conversation
                    .typists
                    .values()
                    .removeIf(typist -> !typist.until().isAfter(now));
            if (expired) {
                changed(entry.getKey(), conversation, now, told);
            }
            if (conversation.isIdle(now)) {
                each.remove();
            }
        }
        return told;
    }

    /** Tells the change of the conversation that waited for its coalescing time, if that is up. */
    List<TypingChanged> flush(String conversationId, Instant now) {
        List<TypingChanged> told = new ArrayList<>();
        ConversationTyping conversation = conversations.get(conversationId);
        if (conversation != null && conversation.waiting) {
            changed(conversationId, conversation, now, told);
        }
        return told;
    }

    /** When each conversation whose change began to wait since last asked is to be {@link #flush flushed}. */
    List<Due> takeDue() {
        List<Due> taken = List.copyOf(due);
        due.clear();
        return taken;
    }

    /** Who is typing in the conversation now, in the order they started. */
    TypingChanged now(String conversationId) {
        ConversationTyping conversation = conversations.get(conversationId);
        return conversation == null
                ? new TypingChanged(conversationId, List.of(), false)
                : new TypingChanged(conversationId, conversation.current(), conversation.crowded);
    }

    private void changed(
            String conversationId, ConversationTyping conversation, Instant now, List<TypingChanged> told) {
        List<User> current = conversation.current();
        if (current.equals(conversation.told)) {
            conversation.waiting = false;
        } else if (conversation.coalescing(now)) {
            if (!conversation.waiting) {
                due.add(new Due(conversationId, conversation.coalescedUntil()));
            }
            conversation.waiting = true;
        } else {
            conversation.told = current;
            conversation.toldAt = now;
            conversation.waiting = false;
            told.add(new TypingChanged(conversationId, current, conversation.crowded));
        }
    }

    /** The conversation whose waiting change is to be told at {@code at}. */
    record Due(String conversationId, Instant at) {}

    /** A typist and when their signal expires. */
    private record Typist(User user, Instant until) {}

    /** Who types in one conversation, and what was last told of it. */
    private static final class ConversationTyping {

        private final Map<String, Typist> typists = new LinkedHashMap<>();

        private boolean crowded;

        private List<User> told = List.of();

        private Instant toldAt = Instant.EPOCH;

        /** Whether a change waits for the coalescing time to be up. */
        private boolean waiting;

        List<User> current() {
            return typists.values().stream().map(Typist::user).toList();
        }

        /** Whether a change now is to wait, the last told less than the coalescing time ago. */
        boolean coalescing(Instant now) {
            return coalescedUntil().isAfter(now);
        }

        /** When a change may be told again. */
        Instant coalescedUntil() {
            return toldAt.plus(crowded ? CROWDED_COALESCING : COALESCING);
        }

        /** Nothing to keep: no typist, nothing waiting, and a new change could be told at once. */
        boolean isIdle(Instant now) {
            return typists.isEmpty() && !waiting && !coalescing(now);
        }
    }
}
