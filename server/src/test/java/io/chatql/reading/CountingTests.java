package io.chatql.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountingTests {

    @Test
    void totalSumsTheConversationsThatAreNotMuted() {
        UnreadTotal total = UnreadTotal.of(
                List.of(state("kitchen", 3, 1, false), state("garden", 0, 0, false), state("noisy", 40, 2, true)));

        assertThat(total).isEqualTo(new UnreadTotal(3, 1, 1));
    }

    @Test
    void aMessageByAnotherIsOneMoreUnreadAndOneMoreMentionIfItNamesTheReader() {
        ReadState state = state("kitchen", 3, 1, false);

        assertThat(state.arrived(11, true, true))
                .extracting(ReadState::lastSequence, ReadState::unreadCount, ReadState::mentionCount)
                .containsExactly(11L, 4, 2);
        assertThat(state.arrived(11, false, true))
                .extracting(ReadState::lastSequence, ReadState::unreadCount, ReadState::mentionCount)
                .containsExactly(11L, 3, 1);
    }

    @Test
    void receiptsOfOneMemberAreCoalescedToTheFurthest() {
        ReadReceipt.Batch batch = ReadReceipt.Batch.of(
                "kitchen",
                List.of(
                        moved("alice", "m2", 2),
                        moved("bob", "m1", 1),
                        moved("alice", "m5", 5),
                        moved("alice", "m4", 4)));

        assertThat(batch.receipts())
                .extracting(ReadReceipt::userId, ReadReceipt::messageId)
                .containsExactly(tuple("alice", "m5"), tuple("bob", "m1"));
    }

    private static ReadState state(String conversationId, int unread, int mentions, boolean muted) {
        return new ReadState(conversationId, 7, "m7", 10, unread, mentions, muted);
    }

    private static ReadMarkerMoved moved(String userId, String messageId, long sequence) {
        return new ReadMarkerMoved(userId, "kitchen", messageId, sequence, "2026-12-07T10:00:0" + sequence + "Z", true);
    }
}
