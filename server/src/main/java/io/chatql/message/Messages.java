package io.chatql.message;

import io.chatql.conversation.ConversationAccess;
import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.ConflictException;
import io.chatql.system.ForbiddenException;
import io.chatql.system.GroupCommit;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import reactor.core.publisher.Mono;

/**
 * Posts messages, announcing each new one to its conversation's subscribers after commit. Posts that
 * arrive together are stored together, in one transaction ({@link GroupCommit}).
 */
@Service
class Messages {

    static final int MAX_CONTENT_LENGTH = 10_000;

    static final int MAX_CREATED_AT_LENGTH = 64;

    /** The most posts stored in one transaction. */
    static final int LARGEST_GROUP = 64;

    private final MessageRepository messages;

    private final ConversationAccess access;

    private final ApplicationEventPublisher events;

    private final TransactionOperations transaction;

    private final LiveEvents live;

    private final GroupCommit<Post, Message> posts;

    private final Mentions mentions;

    private final BlockingWork blocking;

    private final Clock clock;

    private final LockedMessages locked;

    Messages(
            MessageRepository messages,
            ConversationAccess access,
            ApplicationEventPublisher events,
            TransactionOperations transaction,
            LiveEvents live,
            Mentions mentions,
            BlockingWork blocking,
            Clock clock,
            LockedMessages locked) {
        this.messages = messages;
        this.locked = locked;
        this.mentions = mentions;
        this.blocking = blocking;
        this.clock = clock;
        this.access = access;
        this.events = events;
        this.transaction = transaction;
        this.live = live;
        this.posts = blocking.groupCommit("message-writer", LARGEST_GROUP, this::store);
    }

    /**
     * Stores the caller's message as the next of its conversation. Idempotent on (conversationId, id):
     * a retry by the same sender returns the stored message, with no second row and no second
     * announcement; another sender reusing the id is refused. Completes once the message is committed
     * and the conversation's subscribers on this node have kept up ({@link
     * LiveEvents#subscribersCaughtUp}).
     */
    Mono<Message> post(
            String callerId,
            String conversationId,
            String id,
            @Nullable String content,
            String createdAt,
            @Nullable String replyToId) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("id", id);
        Inputs.requireText("createdAt", createdAt, MAX_CREATED_AT_LENGTH);
        if (replyToId != null) {
            Inputs.requireId("replyToId", replyToId);
        }
        Post post = new Post(callerId, conversationId, id, requireContent(content), createdAt, replyToId);
        return Mono.fromFuture(() -> posts.submit(post), true)
                .flatMap(message -> live.subscribersCaughtUp(MessageCreated.class, message.conversationId())
                        .thenReturn(message));
    }

    /**
     * Stores a group of posts in one transaction. The conversations posted to are locked in the order
     * of their ids, so that the groups of several nodes never wait for each other in a circle; each
     * conversation's counters (its sequence and its timeline) are then counted on in memory and
     * written once.
     */
    private void store(List<GroupCommit.Entry<Post, Message>> group) {
        transaction.executeWithoutResult(status -> {
            Map<String, ConversationCounters> before = new TreeMap<>();
            Map<Membership, Boolean> memberships = new HashMap<>();
            for (var entry : group) {
                Post post = entry.item();
                if (memberships.computeIfAbsent(
                        post.membership(), member -> access.isMember(member.userId(), member.conversationId()))) {
                    before.put(post.conversationId(), null);
                }
            }
            before.replaceAll((conversationId, notYetRead) -> messages.lockCounters(conversationId));
            Map<String, ConversationCounters> counted = new HashMap<>(before);
            Map<StoredId, Message> storedNow = new HashMap<>();
            for (var entry : group) {
                Post post = entry.item();
                if (!memberships.get(post.membership())) {
                    entry.refuse(ConversationAccess.notFound(post.conversationId()));
                    continue;
                }
                StoredId storedId = new StoredId(post.conversationId(), post.id());
                Optional<Message> stored = Optional.ofNullable(storedNow.get(storedId))
                        .or(() -> messages.find(post.conversationId(), post.id()));
                if (stored.isPresent()) {
                    if (stored.get().sender().equals(post.callerId())) {
                        entry.store(stored.get());
                    } else {
                        entry.refuse(new ConflictException(
                                "message id " + post.id() + " is already taken in this conversation"));
                    }
                    continue;
                }
                Optional<Message> replyTo = Optional.empty();
                if (post.replyToId() != null) {
                    replyTo = Optional.ofNullable(storedNow.get(new StoredId(post.conversationId(), post.replyToId())))
                            .or(() -> messages.find(post.conversationId(), post.replyToId()));
                    if (replyTo.isEmpty() || replyTo.get().deleted()) {
                        entry.refuse(new InvalidInputException(
                                replyTo.isEmpty()
                                        ? "replyToId must be the id of a message of this conversation"
                                        : "replyToId names a deleted message"));
                        continue;
                    }
                }
                ConversationCounters next = counted.get(post.conversationId()).next();
                counted.put(post.conversationId(), next);
                Message message = messages.insert(new Message(
                        post.conversationId(),
                        post.id(),
                        next.lastSequence(),
                        next.lastEvent(),
                        0,
                        post.callerId(),
                        post.content(),
                        post.createdAt(),
                        "",
                        null,
                        false,
                        post.replyToId(),
                        mentions.in(post.conversationId(), post.content()),
                        null,
                        replyTo.map(Message::quoted).orElse(null)));
                storedNow.put(storedId, message);
                events.publishEvent(new MessageCreated(message));
                entry.store(message);
            }
            counted.forEach((conversationId, counters) -> {
                if (!counters.equals(before.get(conversationId))) {
                    messages.updateCounters(conversationId, counters);
                }
            });
        });
    }

    /**
     * Replaces the content of the caller's own message; it keeps its id, place and {@code createdAt},
     * and what it said before is kept for administrators. The same content again changes nothing.
     */
    Mono<Message> edit(String callerId, String conversationId, String id, @Nullable String content) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("id", id);
        String newContent = requireContent(content);
        return blocking.of(() -> transaction.execute(status -> {
            Message message = lockedMessage(conversationId, id, () -> access.requireMember(callerId, conversationId));
            if (!message.sender().equals(callerId)) {
                throw new ForbiddenException("only its author may edit a message");
            }
            if (message.deleted()) {
                throw new ConflictException("message " + id + " was deleted");
            }
            if (message.content().equals(newContent)) {
                return message;
            }
            messages.edit(message, newContent, mentions.in(conversationId, newContent), OffsetDateTime.now(clock));
            Message edited = messages.find(conversationId, id).orElseThrow();
            events.publishEvent(new MessageEdited(edited));
            return edited;
        }));
    }

    /**
     * Deletes a message, by its author or an administrator, who need not be a member: its content is
     * erased, and it stays in its place as a tombstone. A deleted message deleted again is answered as
     * it is.
     */
    Mono<Message> delete(Caller caller, String conversationId, String id) {
        return blocking.of(() -> deleteNow(caller, conversationId, id));
    }

    /** {@link #delete}, blocking on the database, in the caller's transaction when there is one. */
    Message deleteNow(Caller caller, String conversationId, String id) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("id", id);
        return transaction.execute(status -> {
            Message message = lockedMessage(conversationId, id, () -> {
                if (!caller.administrator()) {
                    access.requireMember(caller.id(), conversationId);
                }
            });
            if (message.deleted()) {
                return message;
            }
            if (!message.sender().equals(caller.id()) && !caller.administrator()) {
                throw new ForbiddenException("only its author or an administrator may delete a message");
            }
            messages.erase(conversationId, id);
            Message tombstone = messages.find(conversationId, id).orElseThrow();
            events.publishEvent(new MessageDeleted(tombstone, caller.id()));
            return tombstone;
        });
    }

    /** What a message said before each of its edits; administrators only. */
    Mono<List<MessageRevision>> revisions(Caller caller, String conversationId, String id) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("id", id);
        if (!caller.administrator()) {
            return Mono.error(new ForbiddenException("only an administrator may read a message's revisions"));
        }
        return blocking.of(() -> {
            messages.find(conversationId, id).orElseThrow(() -> messageNotFound(id));
            return messages.revisions(conversationId, id);
        });
    }

    /**
     * The message, read under the lock on its conversation's row, after {@code allowed} checked the
     * caller.
     */
    private Message lockedMessage(String conversationId, String id, Runnable allowed) {
        allowed.run();
        return locked.lock(conversationId, id);
    }

    static NotFoundException messageNotFound(String id) {
        return new NotFoundException("message " + id + " not found");
    }

    private static String requireContent(@Nullable String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("content must not be empty");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new InvalidInputException("content must be at most " + MAX_CONTENT_LENGTH + " characters");
        }
        return content;
    }

    private record Post(
            String callerId,
            String conversationId,
            String id,
            String content,
            String createdAt,
            @Nullable String replyToId) {

        Membership membership() {
            return new Membership(callerId, conversationId);
        }
    }

    private record Membership(String userId, String conversationId) {}

    private record StoredId(String conversationId, String id) {}
}
