package io.chatql.moderation;

import graphql.GraphQLContext;
import io.chatql.message.Message;
import io.chatql.message.MessageModeration;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Referents;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class MessageReportController {

    private final MessageReports reports;

    private final MessageModeration messages;

    private final UserRepository users;

    private final BlockingWork blocking;

    MessageReportController(
            MessageReports reports, MessageModeration messages, UserRepository users, BlockingWork blocking) {
        this.reports = reports;
        this.messages = messages;
        this.users = users;
        this.blocking = blocking;
    }

    @MutationMapping
    Mono<MessageReport> reportMessage(
            @Argument String conversationId, @Argument String messageId, @Argument String reason, Caller caller) {
        return blocking.of(() -> reports.report(caller.id(), conversationId, messageId, reason));
    }

    @QueryMapping
    Mono<MessageReports.MessageReportConnection> messageReports(
            @Argument @Nullable MessageReportStatus status,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            Caller caller) {
        return blocking.of(() -> reports.list(caller, status, first, after));
    }

    @MutationMapping
    Mono<MessageReport> resolveMessageReport(@Argument String id, @Argument MessageReportAction action, Caller caller) {
        return blocking.of(() -> reports.resolve(caller, id, action));
    }

    @BatchMapping(typeName = "MessageReport")
    Mono<Map<MessageReport, User>> reporter(List<MessageReport> page) {
        return blocking.of(() -> Referents.of(page, MessageReport::reporterId, users::findAllById, User::id));
    }

    /** Who resolved each report, told to administrators only. */
    @BatchMapping(typeName = "MessageReport")
    Mono<Map<MessageReport, User>> resolvedBy(List<MessageReport> page, GraphQLContext context) {
        Caller caller = context.get(Caller.class);
        List<MessageReport> resolved =
                page.stream().filter(report -> report.resolvedById() != null).toList();
        if (caller == null || !caller.administrator() || resolved.isEmpty()) {
            return Mono.just(Map.of());
        }
        return blocking.of(() -> Referents.of(
                resolved, report -> Objects.requireNonNull(report.resolvedById()), users::findAllById, User::id));
    }

    /** The messages reported, as members see them now, read for each conversation at once. */
    @BatchMapping(typeName = "MessageReport")
    Mono<Map<MessageReport, Message>> message(List<MessageReport> page) {
        Map<String, List<MessageReport>> byConversation = new HashMap<>();
        page.forEach(report -> byConversation
                .computeIfAbsent(report.conversationId(), conversation -> new ArrayList<>())
                .add(report));
        return blocking.of(() -> {
            Map<MessageReport, Message> reported = new HashMap<>();
            byConversation.forEach((conversationId, reportsOfIt) -> reported.putAll(Referents.of(
                    reportsOfIt,
                    MessageReport::messageId,
                    ids -> messages.findShown(conversationId, ids),
                    Message::id)));
            return reported;
        });
    }
}
