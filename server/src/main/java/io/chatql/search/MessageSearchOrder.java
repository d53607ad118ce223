package io.chatql.search;

/** The order of a search's hits: the newest message first, or the best match first. */
enum MessageSearchOrder {
    NEWEST,
    RELEVANCE
}
