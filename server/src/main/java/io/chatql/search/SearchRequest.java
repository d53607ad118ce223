package io.chatql.search;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a search engine is asked, with every name already resolved: the messages of {@code
 * conversationIds} (never empty), of {@code senderIds} when not null, that contain every term.
 *
 * @param before for the newest first, the position the page continues below; null for the first page
 * @param offset for the best first, how many hits earlier pages had
 * @param limit how many keys to return at most
 */
record SearchRequest(
        List<SearchQuery.Term> terms,
        Set<String> conversationIds,
        @Nullable Set<String> senderIds,
        MessageSearchOrder order,
        @Nullable Long before,
        int offset,
        int limit) {}
