package io.chatql.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.search.SearchQuery.Kind;
import io.chatql.search.SearchQuery.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    private final Snippets snippets = new Snippets();

    @Test
    void wordsPrefixesAndPhrasesAreMarkedInAShortContent() {
        Snippet snippet = snippets.of(
                "Meet me at the Old Mill, old friend; meeting at noon",
                List.of(new Term(Kind.PHRASE, "old mill"), new Term(Kind.PREFIX, "meet"), new Term(Kind.WORD, "noon")));

        assertThat(snippet.text()).isEqualTo("Meet me at the Old Mill, old friend; meeting at noon");
        assertThat(marked(snippet)).containsExactly("Meet", "Old Mill", "meeting", "noon");
    }

    @Test
    void aLongContentIsCutAtSpacesAroundItsFirstMatch() {
        String content = "lorem ".repeat(50) + "the needle is here " + "ipsum ".repeat(50);

        Snippet snippet = snippets.of(content, List.of(new Term(Kind.WORD, "needle")));

        assertThat(snippet.text()).startsWith("…lorem").endsWith("ipsum…").contains("the needle is here");
        assertThat(snippet.text().length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
        assertThat(marked(snippet)).containsExactly("needle");
    }

    @Test
    void aContentWithoutAMatchStartsAtItsBeginning() {
        Snippet snippet = snippets.of("x ".repeat(200), List.of(new Term(Kind.WORD, "gone")));

        assertThat(snippet.text()).startsWith("x x").endsWith("…");
        assertThat(snippet.highlights()).isEmpty();
    }

    @Test
    void markupIsText() {
        Snippet snippet = snippets.of("<mark>not</mark> bold", List.of(new Term(Kind.WORD, "bold")));

        assertThat(snippet.text()).isEqualTo("<mark>not</mark> bold");
        assertThat(marked(snippet)).containsExactly("bold");
    }

    private static List<String> marked(Snippet snippet) {
        return snippet.highlights().stream()
                .map(range -> snippet.text().substring(range.start(), range.end()))
                .toList();
    }
}
