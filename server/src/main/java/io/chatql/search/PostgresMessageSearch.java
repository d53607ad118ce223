package io.chatql.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search on PostgreSQL, in the database's own full-text index: every node reads the same one, which
 * the database keeps as messages are written, so nothing runs beside it. Each message's {@code
 * search_vector} is its content read with the {@code simple} configuration (words lower-cased, not
 * stemmed, no stop words), the same for every language, under a GIN index. Words are matched with
 * {@code plainto_tsquery}, phrases with {@code phraseto_tsquery}, prefixes as {@code word:*}; the
 * best first are ranked by {@code ts_rank_cd}.
 */
final class PostgresMessageSearch implements SearchEngine {

    private final JdbcClient jdbc;

    PostgresMessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MessageKey> find(SearchRequest request) {
        List<Object> matchParams = new ArrayList<>();
        String matches = tsQuery(request.terms(), matchParams);
        List<Object> params = new ArrayList<>(request.conversationIds());
        StringBuilder sql = new StringBuilder("select conversation_id, id, position from message"
                + " where not deleted and conversation_id in (" + placeholders(params.size()) + ")");
        if (request.senderIds() != null) {
            sql.append(" and sender in (")
                    .append(placeholders(request.senderIds().size()))
                    .append(')');
            params.addAll(request.senderIds());
        }
        if (matches != null) {
            sql.append(" and search_vector @@ ").append(matches);
            params.addAll(matchParams);
        }
        if (request.order() == MessageSearchOrder.NEWEST) {
            if (request.before() != null) {
                sql.append(" and position < ?");
                params.add(request.before());
            }
            sql.append(" order by position desc fetch first ? rows only");
        } else {
            sql.append(" order by ");
            if (matches != null) {
                sql.append("ts_rank_cd(search_vector, ").append(matches).append(") desc, ");
                params.addAll(matchParams);
            }
            sql.append("position desc offset ? rows fetch first ? rows only");
            params.add(request.offset());
        }
        params.add(request.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) ->
                        new MessageKey(rs.getString("conversation_id"), rs.getString("id"), rs.getLong("position")))
                .list();
    }

    /**
     * The tsquery that every term must match, its parameters added to {@code params}, or null without
     * terms. The words of a prefix are letters and digits only, so {@code :*} is all that follows them.
     */
    private static @Nullable String tsQuery(List<SearchQuery.Term> terms, List<Object> params) {
        if (terms.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (SearchQuery.Term term : terms) {
            switch (term.kind()) {
                case WORD -> parts.add("plainto_tsquery('simple', ?)");
                case PHRASE -> parts.add("phraseto_tsquery('simple', ?)");
                case PREFIX -> parts.add(prefixQuery(term.text(), params));
            }
            if (term.kind() != SearchQuery.Kind.PREFIX) {
                params.add(term.text());
            }
        }
        return "(" + String.join(" && ", parts) + ")";
    }

    /** A prefix: the words before its last one as a phrase, and the last one's start. */
    private static String prefixQuery(String text, List<Object> params) {
        List<String> words = words(text);
        String stem = words.get(words.size() - 1);
        params.add(stem + ":*");
        if (words.size() == 1) {
            return "to_tsquery('simple', ?)";
        }
        params.add(String.join(" ", words.subList(0, words.size() - 1)));
        return "(to_tsquery('simple', ?) && phraseto_tsquery('simple', ?))";
    }

    /** The runs of letters and digits of {@code text}. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** The database keeps its index itself. */
    @Override
    public void created(StoredMessage message) {}

    /** The database keeps its index itself. */
    @Override
    public void changed(String conversationId, String id) {}

    @Override
    public void start() {}

    @Override
    public void stop() {}
}
