package io.chatql.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Cuts the snippet of a hit from the message's current content, the same way on every database: the
 * words of the content that the query's terms match are highlighted (a word, a word that starts with a
 * prefix, the words of a phrase in a row), and a long content is cut to {@value #LENGTH} characters or
 * so around its first match, at spaces.
 */
final class Snippets {

    static final int LENGTH = 200;

    /** How much of the content before the first match a cut snippet shows. */
    private static final int LEAD = 60;

    private static final String ELLIPSIS = "…";

    private final Analyzer analyzer = new StandardAnalyzer();

    Snippet of(String content, List<SearchQuery.Term> terms) {
        List<TextTokens.Token> tokens = TextTokens.of(analyzer, content);
        List<Wanted> wanted = terms.stream()
                .map(term -> new Wanted(
                        term.kind() == SearchQuery.Kind.PREFIX,
                        TextTokens.of(analyzer, term.text()).stream()
                                .map(TextTokens.Token::text)
                                .toList()))
                .filter(words -> !words.words().isEmpty())
                .toList();
        List<Snippet.Highlight> matches = new ArrayList<>();
        int at = 0;
        while (at < tokens.size()) {
            int matched = longestMatch(tokens, at, wanted);
            if (matched > 0) {
                matches.add(new Snippet.Highlight(
                        tokens.get(at).start(), tokens.get(at + matched - 1).end()));
                at += matched;
            } else {
                at++;
            }
        }
        return cut(content, matches);
    }

    /** How many tokens from {@code at} on the longest of the terms that match there covers, 0 for none. */
    private static int longestMatch(List<TextTokens.Token> tokens, int at, List<Wanted> terms) {
        int longest = 0;
        for (Wanted term : terms) {
            List<String> words = term.words();
            if (at + words.size() > tokens.size()) {
                continue;
            }
            boolean matches = true;
            for (int word = 0; word < words.size() && matches; word++) {
                String token = tokens.get(at + word).text();
                boolean last = word == words.size() - 1;
                matches = term.prefix() && last ? token.startsWith(words.get(word)) : token.equals(words.get(word));
            }
            if (matches) {
                longest = Math.max(longest, words.size());
            }
        }
        return longest;
    }

    /** A term's words as the analyzer reads them; the last one a prefix for a prefix search. */
    private record Wanted(boolean prefix, List<String> words) {}

    private static Snippet cut(String content, List<Snippet.Highlight> matches) {
        if (content.length() <= LENGTH) {
            return new Snippet(content, matches);
        }
        int first = matches.isEmpty() ? 0 : matches.get(0).start();
        int start = first <= LEAD ? 0 : afterSpace(content, first - LEAD, first);
        int end = Math.min(content.length(), start + LENGTH);
        if (end < content.length()) {
            end = beforeSpace(content, start + LENGTH / 2, end);
        }
        String prefix = start > 0 ? ELLIPSIS : "";
        String text = prefix + content.substring(start, end) + (end < content.length() ? ELLIPSIS : "");
        int shift = prefix.length() - start;
        List<Snippet.Highlight> shown = new ArrayList<>();
        for (Snippet.Highlight match : matches) {
            if (match.start() >= start && match.end() <= end) {
                shown.add(new Snippet.Highlight(match.start() + shift, match.end() + shift));
            }
        }
        return new Snippet(text, shown);
    }

    /** Where the word after the first space in [from, limit) starts, or {@code from} on a pair's edge. */
    private static int afterSpace(String content, int from, int limit) {
        for (int at = from; at < limit; at++) {
            if (Character.isWhitespace(content.charAt(at))) {
                return at + 1;
            }
        }
        return Character.isLowSurrogate(content.charAt(from)) ? from + 1 : from;
    }

    /** Where the last space in [from, limit) is, or {@code limit} off a pair's edge. */
    private static int beforeSpace(String content, int from, int limit) {
        for (int at = limit; at > from; at--) {
            if (Character.isWhitespace(content.charAt(at - 1))) {
                return at - 1;
            }
        }
        return Character.isHighSurrogate(content.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
