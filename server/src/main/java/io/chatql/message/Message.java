package io.chatql.message;

/**
 * A stored message. {@code sequence} numbers the messages of its conversation in the order the server
 * received them, which is the order of every listing; {@code createdAt} is the client's own string.
 */
public record Message(
        String conversationId,
        String id,
        long sequence,
        long position,
        String sender,
        String content,
        String createdAt) {

    /** Always true: a message the server returns is one it has stored. */
    public boolean isSent() {
        return true;
    }
}
