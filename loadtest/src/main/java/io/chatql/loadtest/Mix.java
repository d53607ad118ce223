package io.chatql.loadtest;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes that mix posts, edits and reactions as people make them, in rounds over the rooms: of every
 * five rounds, three post a message to each room, one edits the room's newest message, and one reacts
 * to it (each message once, so that each reaction changes the message). An edit or a reaction only
 * touches a message whose post was answered, of the same phase (warm-up or measured), and posts
 * instead when there is none yet. An edit's content tells its number as a post's does.
 */
final class Mix implements Sender.Write {

    static final String EDIT_MESSAGE = "mutation($c: ID!, $id: ID!, $content: String!)"
            + " { editMessage(conversationId: $c, id: $id, content: $content) { id } }";

    static final String ADD_REACTION = "mutation($c: ID!, $id: ID!, $emoji: String!)"
            + " { addReaction(conversationId: $c, messageId: $id, emoji: $emoji) { id } }";

    private static final String THUMBS_UP = "\uD83D\uDC4D";

    private final Posting posting;

    private final int rooms;

    /** The answered posts of each room and phase not reacted to yet, newest first. */
    private final Map<String, Deque<String>> answered = new ConcurrentHashMap<>();

    private final AtomicInteger posts = new AtomicInteger();

    private final AtomicInteger edits = new AtomicInteger();

    private final AtomicInteger reactions = new AtomicInteger();

    Mix(Posting posting, int rooms) {
        this.posting = posting;
        this.rooms = rooms;
    }

    @Override
    public CompletableFuture<?> write(String conversationId, int seq, String messageId, int number) {
        int round = Math.floorMod(Math.floorDiv(seq, rooms), 5);
        Deque<String> candidates = answered.computeIfAbsent(
                (number == 0 ? "warm-up:" : "measured:") + conversationId, room -> new ConcurrentLinkedDeque<>());
        if (round == 3 && candidates.peekFirst() != null) {
            count(edits, number);
            return posting.mutate(
                    EDIT_MESSAGE,
                    Map.of(
                            "c",
                            conversationId,
                            "id",
                            candidates.peekFirst(),
                            "content",
                            number + ":" + System.nanoTime()));
        }
        String reacted = round == 4 ? candidates.pollFirst() : null;
        if (reacted != null) {
            count(reactions, number);
            return posting.mutate(ADD_REACTION, Map.of("c", conversationId, "id", reacted, "emoji", THUMBS_UP));
        }
        count(posts, number);
        return posting.post(conversationId, messageId, number).thenRun(() -> candidates.addFirst(messageId));
    }

    /** Measured posts. */
    int posts() {
        return posts.get();
    }

    /** Measured edits. */
    int edits() {
        return edits.get();
    }

    /** Measured reactions. */
    int reactions() {
        return reactions.get();
    }

    private static void count(AtomicInteger counter, int number) {
        if (number != 0) {
            counter.incrementAndGet();
        }
    }
}
