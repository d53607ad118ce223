package io.chatql.moderation;

import io.chatql.auth.AccountDisabling;
import io.chatql.conversation.ConversationAccess;
import io.chatql.message.Message;
import io.chatql.message.MessageModeration;
import io.chatql.paging.Cursors;
import io.chatql.paging.Page;
import io.chatql.paging.PageSize;
import io.chatql.system.Caller;
import io.chatql.system.ConflictException;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The reports of messages: made by members, listed and resolved by administrators. Every method
 * blocks on the database.
 */
@Service
class MessageReports {

    static final int MAX_REASON_LENGTH = 1000;

    private final MessageReportRepository reports;

    private final ConversationAccess access;

    private final MessageModeration messages;

    private final AccountDisabling disabling;

    private final Cursors cursors;

    private final TransactionOperations transaction;

    private final Clock clock;

    MessageReports(
            MessageReportRepository reports,
            ConversationAccess access,
            MessageModeration messages,
            AccountDisabling disabling,
            Cursors cursors,
            TransactionOperations transaction,
            Clock clock) {
        this.reports = reports;
        this.access = access;
        this.messages = messages;
        this.disabling = disabling;
        this.cursors = cursors;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Reports a message of a conversation the caller is in, for {@code reason}: 1 to 1000 characters,
     * once trimmed. Idempotent for each reporter and message: reporting it again returns the report
     * already made, reason and all. A conversation the caller is not in and a message that does not
     * exist are not found; a deleted message can no longer be reported.
     */
    MessageReport report(String callerId, String conversationId, String messageId, @Nullable String reason) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("messageId", messageId);
        String trimmed = requireReason(reason);
        try {
            return transaction.execute(status -> reportOrFind(callerId, conversationId, messageId, trimmed));
        } catch (DuplicateKeyException raced) {
            return reports.findByReporter(conversationId, messageId, callerId).orElseThrow();
        }
    }

    private MessageReport reportOrFind(String callerId, String conversationId, String messageId, String reason) {
        access.requireMember(callerId, conversationId);
        Message message = messages.find(conversationId, messageId)
                .orElseThrow(() -> new NotFoundException("message " + messageId + " not found"));
        var made = reports.findByReporter(conversationId, messageId, callerId);
        if (made.isPresent()) {
            return made.get();
        }
        if (message.deleted()) {
            throw new ConflictException("message " + messageId + " was deleted");
        }
        String id = UUID.randomUUID().toString();
        reports.insert(id, conversationId, messageId, callerId, reason, clock.instant());
        return reports.find(id).orElseThrow();
    }

    /**
     * The administrators' queue: reports of {@code status}, or all, newest first, {@code first} to a
     * page, continued {@code after} the opaque token of the page before.
     */
    MessageReportConnection list(
            Caller caller, @Nullable MessageReportStatus status, @Nullable Integer first, @Nullable String after) {
        requireAdministrator(caller);
        PageSize size = PageSize.of(first);
        String scope = "message-reports:" + (status == null ? "" : status.name());
        Long before = cursors.decode(scope, after);
        Page<MessageReport> page =
                Page.of(reports.findPage(status, before, size.fetchSize()), size, MessageReport::position);
        return new MessageReportConnection(page.items(), cursors.encode(scope, page.nextPosition()));
    }

    /**
     * Resolves the report with {@code action}, and with it every other open report of the same message,
     * in one transaction: the message is deleted, or its author's account disabled, with the reports
     * resolved or not at all. A resolved report is answered as it is, and nothing is done again.
     */
    MessageReport resolve(Caller caller, String id, MessageReportAction action) {
        requireAdministrator(caller);
        Inputs.requireId("id", id);
        return transaction.execute(status -> {
            MessageReport report =
                    reports.lock(id).orElseThrow(() -> new NotFoundException("message report " + id + " not found"));
            if (report.status() == MessageReportStatus.RESOLVED) {
                return report;
            }
            switch (action) {
                case DISMISS -> {}
                case DELETE_MESSAGE -> messages.delete(caller, report.conversationId(), report.messageId());
                case DISABLE_AUTHOR -> disabling.disable(caller, authorOf(report));
            }
            reports.resolveAllOf(report.conversationId(), report.messageId(), action, caller.id(), clock.instant());
            return reports.find(id).orElseThrow();
        });
    }

    private String authorOf(MessageReport report) {
        return messages.find(report.conversationId(), report.messageId())
                .map(Message::sender)
                .orElseThrow(() -> new NotFoundException("message " + report.messageId() + " not found"));
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.administrator()) {
            throw new ForbiddenException("only an administrator may read or resolve reports");
        }
    }

    private static String requireReason(@Nullable String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("reason must not be empty");
        }
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return trimmed;
    }

    /** One page of the queue, and the token of the next, null on the last. */
    record MessageReportConnection(
            List<MessageReport> reports, @Nullable String nextToken) {}
}
