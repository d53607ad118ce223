package io.chatql.search;

import io.chatql.conversation.Conversation;
import io.chatql.conversation.ConversationAccess;
import io.chatql.message.Message;
import io.chatql.message.MessageLookup;
import io.chatql.paging.Cursors;
import io.chatql.paging.PageSize;
import io.chatql.system.Inputs;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Searches the messages of the conversations the caller is a member of now, and nothing else: the
 * conversations are read from the memberships at each search, so a member removed finds nothing of a
 * conversation any more, and every name the query gives ({@code in:}, {@code from:}) is looked for
 * among them only. A conversation named by id that the caller is not in is answered as one that does
 * not exist; {@code in:} and {@code from:} naming nothing the caller may see find nothing.
 */
@Component
class MessageSearch {

    /** How deep the best first go: past this many hits, a search is better made narrower. */
    static final int MAX_RELEVANCE_DEPTH = 1000;

    private final SearchEngines engines;

    private final SearchRepository repository;

    private final UserRepository users;

    private final MessageLookup messages;

    private final Cursors cursors;

    private final Snippets snippets = new Snippets();

    MessageSearch(
            SearchEngines engines,
            SearchRepository repository,
            UserRepository users,
            MessageLookup messages,
            Cursors cursors) {
        this.engines = engines;
        this.repository = repository;
        this.users = users;
        this.messages = messages;
        this.cursors = cursors;
    }

    /** A validated search, ready to run: what {@link #search} checks without the database. */
    record Search(
            String callerId,
            SearchQuery query,
            @Nullable String conversationId,
            PageSize size,
            MessageSearchOrder order,
            String scope,
            @Nullable Long after) {}

    /** Reads the arguments; refuses a query or a token that is not valid, before anything is read. */
    Search prepare(
            String callerId,
            String query,
            @Nullable String conversationId,
            @Nullable Integer first,
            @Nullable String after,
            @Nullable MessageSearchOrder order) {
        SearchQuery parsed = SearchQuery.parse(query);
        if (conversationId != null) {
            Inputs.requireId("conversationId", conversationId);
        }
        PageSize size = PageSize.of(first);
        MessageSearchOrder chosen = order == null ? MessageSearchOrder.NEWEST : order;
        String scope = String.join(
                "\u0000", "search", callerId, chosen.name(), conversationId == null ? "" : conversationId, query);
        return new Search(callerId, parsed, conversationId, size, chosen, scope, cursors.decode(scope, after));
    }

    /** Runs the search; blocks on the database and the index. */
    MessageSearchConnection search(Search search) {
        Map<String, Conversation> conversations = repository.conversationsOf(search.callerId()).stream()
                .collect(Collectors.toMap(Conversation::id, Function.identity()));
        Set<String> scope = conversationsSearched(search, conversations);
        Set<String> senders = search.query().senders().isEmpty()
                ? null
                : users.findAllByUsername(search.query().senders()).stream()
                        .map(User::id)
                        .collect(Collectors.toSet());
        if (scope.isEmpty() || (senders != null && senders.isEmpty())) {
            return new MessageSearchConnection(List.of(), null);
        }
        boolean newest = search.order() == MessageSearchOrder.NEWEST;
        int offset = newest || search.after() == null ? 0 : Math.toIntExact(search.after());
        List<MessageKey> keys = engines.engine()
                .find(new SearchRequest(
                        search.query().terms(),
                        scope,
                        senders,
                        search.order(),
                        newest ? search.after() : null,
                        offset,
                        search.size().fetchSize()));
        boolean more = keys.size() > search.size().value();
        List<MessageKey> page = more ? keys.subList(0, search.size().value()) : keys;
        List<MessageSearchHit> hits = hits(page, conversations, search.query());
        String next = null;
        if (more && newest) {
            next = cursors.encode(search.scope(), page.get(page.size() - 1).position());
        } else if (more && offset + page.size() < MAX_RELEVANCE_DEPTH) {
            next = cursors.encode(search.scope(), (long) offset + page.size());
        }
        return new MessageSearchConnection(hits, next);
    }

    /** The caller's conversations that the search covers: all, the one asked for, those of {@code in:}. */
    private static Set<String> conversationsSearched(Search search, Map<String, Conversation> conversations) {
        Set<String> scope = new LinkedHashSet<>(conversations.keySet());
        if (search.conversationId() != null) {
            if (!conversations.containsKey(search.conversationId())) {
                throw ConversationAccess.notFound(search.conversationId());
            }
            scope = new LinkedHashSet<>(Set.of(search.conversationId()));
        }
        List<String> named = search.query().conversations();
        if (!named.isEmpty()) {
            scope.removeIf(id -> named.stream().noneMatch(name -> names(conversations.get(id), name)));
        }
        return scope;
    }

    /** Whether {@code name}, as typed after {@code in:}, is the conversation's id or its name in any case. */
    private static boolean names(Conversation conversation, String name) {
        return conversation.id().equals(name)
                || conversation.name().strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The messages of {@code page} as they are now, in its order, read in one statement; one deleted
     * since the index was last written, which a search in an index of its own may still return, is
     * left out.
     */
    private List<MessageSearchHit> hits(
            List<MessageKey> page, Map<String, Conversation> conversations, SearchQuery query) {
        Map<Long, Message> found = new HashMap<>();
        for (Message message :
                messages.shownAt(page.stream().map(MessageKey::position).toList())) {
            found.put(message.position(), message);
        }
        List<MessageSearchHit> hits = new ArrayList<>();
        for (MessageKey key : page) {
            Message message = found.get(key.position());
            if (message != null && message.id().equals(key.id()) && !message.deleted()) {
                hits.add(new MessageSearchHit(
                        message,
                        conversations.get(key.conversationId()),
                        snippets.of(message.content(), query.terms())));
            }
        }
        return hits;
    }
}
