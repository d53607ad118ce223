package io.chatql.timeline;

import io.chatql.live.LiveEvents;
import io.chatql.live.ResumableFeed;
import io.chatql.message.Message;
import io.chatql.message.MessageLookup;
import io.chatql.system.BlockingWork;
import io.chatql.system.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The events of one conversation's timeline for one subscriber, in order, each once, with no gap:
 * after the position the subscriber names ("0" or the empty string for the beginning), or, without
 * one, after the newest event. Events read from the store show their messages as they are now.
 */
@Component
class TimelineFeed extends ResumableFeed<ConversationEventRecorded, ConversationEvent> {

    private final TimelineRepository timeline;

    private final MessageLookup messages;

    TimelineFeed(TimelineRepository timeline, MessageLookup messages, LiveEvents events, BlockingWork blocking) {
        super(ConversationEventRecorded.class, Positions.DENSE, events, blocking);
        this.timeline = timeline;
        this.messages = messages;
    }

    /**
     * At most {@code limit} events after the position {@code after} names, the beginning when it is
     * null, with whether more are stored. Blocking.
     */
    EventPage page(String conversationId, @Nullable String after, int limit) {
        long start = startingPoint(conversationId, after == null ? "" : after);
        List<ConversationEvent> events = readAfter(conversationId, start, limit + 1);
        boolean more = events.size() > limit;
        List<ConversationEvent> shown = more ? events.subList(0, limit) : events;
        long position = shown.isEmpty() ? start : shown.get(shown.size() - 1).position();
        return new EventPage(shown, Long.toString(position), more);
    }

    /** A page of events, served as the type {@code ConversationEventConnection}. */
    record EventPage(List<ConversationEvent> events, String position, boolean hasMore) {}

    @Override
    protected ConversationEvent item(ConversationEventRecorded recorded) {
        return recorded.event();
    }

    @Override
    protected long position(ConversationEvent event) {
        return event.position();
    }

    @Override
    protected long startingPoint(String conversationId, @Nullable String after) {
        long last = timeline.lastEvent(conversationId);
        if (after == null) {
            return last;
        }
        if (after.isEmpty()) {
            return BEGINNING;
        }
        long position;
        try {
            position = Long.parseLong(after);
        } catch (NumberFormatException notANumber) {
            position = -1;
        }
        if (position < BEGINNING || position > last) {
            throw new InvalidInputException("after must be the position of an event of this conversation");
        }
        return position;
    }

    /**
     * The events after {@code position}: the new messages after those the timeline holds up to it,
     * found by their sequence, merged with the other events after it.
     */
    @Override
    protected List<ConversationEvent> readAfter(String conversationId, long position, int limit) {
        long messagesBefore = timeline.anchorAt(conversationId, position)
                .map(anchor -> anchor.messagesUpTo(position))
                .orElse(position);
        List<ConversationEvent> created = messages.after(conversationId, messagesBefore, limit).stream()
                .map(TimelineFeed::created)
                .toList();
        List<ConversationEvent> others = others(conversationId, position, limit);
        List<ConversationEvent> merged = new ArrayList<>(created.size() + others.size());
        int c = 0;
        int o = 0;
        while (merged.size() < limit && (c < created.size() || o < others.size())) {
            boolean createdFirst = o == others.size()
                    || (c < created.size()
                            && created.get(c).position() < others.get(o).position());
            merged.add(createdFirst ? created.get(c++) : others.get(o++));
        }
        return merged;
    }

    private List<ConversationEvent> others(String conversationId, long position, int limit) {
        List<TimelineRepository.StoredEvent> stored = timeline.findAfter(conversationId, position, limit);
        List<String> ids = stored.stream()
                .map(TimelineRepository.StoredEvent::messageId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, Message> byId = messages.shown(conversationId, ids).stream()
                .collect(Collectors.toMap(Message::id, Function.identity()));
        return stored.stream()
                .map(event -> event.messageId() == null
                        ? event.event()
                        : event.event().about(byId.get(event.messageId())))
                .toList();
    }

    private static ConversationEvent created(Message message) {
        return new ConversationEvent(
                message.conversationId(),
                message.timelinePosition(),
                ConversationEventKind.MESSAGE_CREATED,
                message.sender(),
                message.receivedAt(),
                message);
    }
}
