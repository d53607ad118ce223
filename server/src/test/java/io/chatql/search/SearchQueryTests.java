package io.chatql.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatql.search.SearchQuery.Kind;
import io.chatql.search.SearchQuery.Term;
import io.chatql.system.InvalidInputException;
import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void wordsPhrasesAndPrefixesAreTermsInTheOrderTyped() {
        SearchQuery query = SearchQuery.parse("blue \"old  mill\" addr*");

        assertThat(query.terms())
                .containsExactly(
                        new Term(Kind.WORD, "blue"), new Term(Kind.PHRASE, "old  mill"), new Term(Kind.PREFIX, "addr"));
        assertThat(query.senders()).isEmpty();
        assertThat(query.conversations()).isEmpty();
    }

    @Test
    void fromAndInTakeANameOrAQuotedOne() {
        SearchQuery query = SearchQuery.parse("FROM:@Alice in:\"Lunch plans\" In:c-1 pizza");

        assertThat(query.senders()).containsExactly("Alice");
        assertThat(query.conversations()).containsExactly("Lunch plans", "c-1");
        assertThat(query.terms()).containsExactly(new Term(Kind.WORD, "pizza"));
    }

    @Test
    void aQuoteLeftOpenRunsToTheEnd() {
        assertThat(SearchQuery.parse("key \"under the mat").terms())
                .containsExactly(new Term(Kind.WORD, "key"), new Term(Kind.PHRASE, "under the mat"));
    }

    @Test
    void punctuationAloneIsNoTerm() {
        assertThat(SearchQuery.parse("C++ && (mat) ||").terms())
                .containsExactly(new Term(Kind.WORD, "C++"), new Term(Kind.WORD, "(mat)"));
    }

    @Test
    void queriesWithNothingToSearchForAreRefused() {
        for (String query : new String[] {"", "  ", "!?", "\"\"", "*"}) {
            assertThatThrownBy(() -> SearchQuery.parse(query)).as(query).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void shortPrefixesEmptyOperatorsAndLongQueriesAreRefused() {
        assertThatThrownBy(() -> SearchQuery.parse("a*")).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> SearchQuery.parse("from: x")).hasMessageContaining("from: must be followed");
        assertThatThrownBy(() -> SearchQuery.parse("in:\"\"")).hasMessageContaining("in: must be followed");
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(SearchQuery.MAX_LENGTH + 1)))
                .hasMessageContaining("at most " + SearchQuery.MAX_LENGTH);
        assertThatThrownBy(() -> SearchQuery.parse("w ".repeat(SearchQuery.MAX_TERMS + 1)))
                .hasMessageContaining("at most " + SearchQuery.MAX_TERMS);
        assertThatThrownBy(() -> SearchQuery.parse("nul\u0000")).isInstanceOf(InvalidInputException.class);
    }
}
