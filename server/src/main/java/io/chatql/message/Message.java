package io.chatql.message;

import io.chatql.user.User;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored message. {@code sequence} numbers the messages of its conversation in the order the server
 * received them, which is the order of every listing; {@code timelinePosition} is its creation's place
 * among everything that happens in the conversation (its timeline, where edits, reactions and members
 * added take places too); {@code createdAt} is the client's own string, {@code receivedAt} the
 * server's instant.
 *
 * <p>A message may change after it is stored: {@code editedAt} is set by each edit, and a deleted one
 * stays in its place as a tombstone, {@code deleted} with empty content. {@code replyToId} names the
 * message of the same conversation it answers, {@code mentionIds} the members its @usernames named.
 * Where the listing that read it joined them in, its {@code author} and the message it answers
 * ({@code replyTo}) come with it; otherwise they are looked up when asked for.
 */
public record Message(
        String conversationId,
        String id,
        long sequence,
        long timelinePosition,
        long position,
        String sender,
        String content,
        String createdAt,
        @Nullable String receivedAt,
        @Nullable String editedAt,
        boolean deleted,
        @Nullable String replyToId,
        List<String> mentionIds,
        @Nullable User author,
        @Nullable Message replyTo) {

    public Message {
        // Nodes of earlier releases relay messages without mentions.
        mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
    }

    /** Always true: a message the server returns is one it has stored. */
    public boolean isSent() {
        return true;
    }

    /** The message as {@code replyTo} shows it: itself, without the message it answers. */
    Message quoted() {
        return new Message(
                conversationId,
                id,
                sequence,
                timelinePosition,
                position,
                sender,
                content,
                createdAt,
                receivedAt,
                editedAt,
                deleted,
                replyToId,
                mentionIds,
                author,
                null);
    }
}
