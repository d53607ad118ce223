package io.chatql.search;

import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A search as the user typed it, read into its parts: words, {@code "phrases"} and prefixes
 * ({@code addr*}) that a message must all contain, and the senders ({@code from:username}) and
 * conversations ({@code in:name}, or {@code in:"a name with spaces"}, or an id) it must be of, any one
 * of each when several are named. Every other character is text: nothing a search engine would read
 * as syntax reaches one. A quote left open runs to the end of the query.
 *
 * @param terms what the content must contain, in the order typed
 * @param senders the usernames of {@code from:}, as typed, without a leading {@code @}
 * @param conversations the names or ids of {@code in:}, as typed
 */
record SearchQuery(List<Term> terms, List<String> senders, List<String> conversations) {

    static final int MAX_LENGTH = 500;

    static final int MAX_TERMS = 16;

    static final int MIN_PREFIX = 2;

    /** What the content must contain: a word, words in this order, or a word that starts so. */
    record Term(Kind kind, String text) {}

    enum Kind {
        WORD,
        PHRASE,
        PREFIX
    }

    /** Reads {@code query}; refuses one that is empty, too long, or has nothing to search for. */
    static SearchQuery parse(String query) {
        Inputs.requireText("query", query, MAX_LENGTH);
        if (!Inputs.isStorable(query)) {
            throw new InvalidInputException("query " + Inputs.UNSTORABLE);
        }
        List<Term> terms = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        int at = 0;
        while (at < query.length()) {
            if (Character.isWhitespace(query.charAt(at))) {
                at++;
                continue;
            }
            if (query.charAt(at) == '"') {
                int end = closingQuote(query, at + 1);
                add(terms, Kind.PHRASE, query.substring(at + 1, end));
                at = Math.min(end + 1, query.length());
                continue;
            }
            int end = wordEnd(query, at);
            String word = query.substring(at, end);
            String operator = operatorOf(word);
            if (operator != null) {
                String value = word.substring(operator.length() + 1);
                if (value.isEmpty() && end < query.length() && query.charAt(end) == '"') {
                    int closing = closingQuote(query, end + 1);
                    value = query.substring(end + 1, closing);
                    end = Math.min(closing + 1, query.length());
                }
                value = value.strip();
                if (operator.equals("from")) {
                    value = value.startsWith("@") ? value.substring(1) : value;
                    requireValue(operator, value, "a username");
                    senders.add(value);
                } else {
                    requireValue(operator, value, "a conversation's name or id");
                    conversations.add(value);
                }
            } else if (word.endsWith("*")) {
                String stem = word.substring(0, word.length() - 1);
                if (stem.codePoints().filter(Character::isLetterOrDigit).count() < MIN_PREFIX) {
                    throw new InvalidInputException(
                            "a prefix search needs at least " + MIN_PREFIX + " letters or digits before *");
                }
                add(terms, Kind.PREFIX, stem);
            } else {
                add(terms, Kind.WORD, word);
            }
            at = end;
        }
        if (terms.size() > MAX_TERMS) {
            throw new InvalidInputException("query must have at most " + MAX_TERMS + " words and phrases");
        }
        if (terms.isEmpty() && senders.isEmpty() && conversations.isEmpty()) {
            throw new InvalidInputException("query must contain a word, a phrase, from: or in:");
        }
        return new SearchQuery(List.copyOf(terms), List.copyOf(senders), List.copyOf(conversations));
    }

    /** Only text with a letter or a digit is searched for: the rest is punctuation, found nowhere. */
    private static void add(List<Term> terms, Kind kind, String text) {
        if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
            terms.add(new Term(kind, text));
        }
    }

    private static int closingQuote(String query, int from) {
        int closing = query.indexOf('"', from);
        return closing < 0 ? query.length() : closing;
    }

    private static int wordEnd(String query, int from) {
        int end = from;
        while (end < query.length() && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
            end++;
        }
        return end;
    }

    private static @Nullable String operatorOf(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("from:")) {
            return "from";
        }
        return lower.startsWith("in:") ? "in" : null;
    }

    private static void requireValue(String operator, String value, String what) {
        if (value.isEmpty()) {
            throw new InvalidInputException(operator + ": must be followed by " + what);
        }
    }
}
