package io.chatql.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of hits, and the token that continues after it, null on the last page. */
record MessageSearchConnection(
        List<MessageSearchHit> hits, @Nullable String nextToken) {}
