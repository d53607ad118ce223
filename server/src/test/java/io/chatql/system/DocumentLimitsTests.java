package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** Which documents are well within the query limits whatever their variables, so not walked again. */
class DocumentLimitsTests {

    private static final int MAX_DEPTH = 10;

    private static final int MAX_FIELDS = 1000;

    @Test
    void theOriginalClientsQueryForAConversationsMessagesIsWellWithin() {
        assertThat(wellWithin("""
                        query getConversationMessages($conversationId: ID!, $after: String, $first: Int) {
                          allMessageConnection(conversationId: $conversationId, after: $after, first: $first) {
                            __typename
                            nextToken
                            messages { __typename id conversationId content createdAt sender isSent }
                          }
                        }""")).isTrue();
    }

    @Test
    void fieldsDeeperThanHalfTheDepthLimitAreNot() {
        assertThat(wellWithin("{ a { b { c { d { e } } } } }")).isTrue();
        assertThat(wellWithin("{ a { b { c { d { e { f } } } } } }")).isFalse();
    }

    @Test
    void moreFieldsThanHalfTheComplexityLimitAreNot() {
        assertThat(wellWithin("{ " + "a ".repeat(500) + "}")).isTrue();
        assertThat(wellWithin("{ " + "a ".repeat(501) + "}")).isFalse();
    }

    @Test
    void fragmentsCountWhereTheyAreSpreadAndAsOftenAsTheyAre() {
        String deep = "fragment Deep on T { c { d { e } } }";
        assertThat(wellWithin("{ a { b { x { ...Deep } } } } " + deep)).isFalse();
        assertThat(wellWithin("{ a { b { ...Deep } } } " + deep)).isTrue();

        String wide = "fragment Wide on T { " + "f ".repeat(101) + "}";
        assertThat(wellWithin("{ " + "...Wide ".repeat(5) + "} " + wide)).isFalse();
        assertThat(wellWithin("{ " + "...Wide ".repeat(4) + "} " + wide)).isTrue();
    }

    @Test
    void fieldsThatSkipOrIncludeMightLeaveOutCountAnyway() {
        assertThat(wellWithin("query($x: Boolean!) { a { b { c { d { e { f @include(if: $x) } } } } } }"))
                .isFalse();
    }

    @Test
    void everyOperationOfTheDocumentMustBe() {
        assertThat(wellWithin("query Shallow { a } query Deep { a { b { c { d { e { f } } } } } }"))
                .isFalse();
    }

    private static boolean wellWithin(String query) {
        Document document = new Parser().parseDocument(query);
        return DocumentLimits.operations(document).wellWithin(MAX_DEPTH, MAX_FIELDS);
    }
}
