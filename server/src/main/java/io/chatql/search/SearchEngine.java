package io.chatql.search;

import java.util.List;

/**
 * Where messages are searched: an index of their current content that answers a {@link
 * SearchRequest} with the keys of the messages it finds, in the order asked for. Deleted messages are
 * never among them; an engine that is kept apart from the database may still return a message deleted
 * a moment ago, which the caller leaves out.
 */
interface SearchEngine {

    /** The keys found, at most {@code request.limit()}, in the request's order; blocks. */
    List<MessageKey> find(SearchRequest request);

    /** Takes a message just stored into the index, later and off the caller's thread, if it keeps one. */
    void created(StoredMessage message);

    /** Reads the message again into the index, later and off the caller's thread, if it keeps one. */
    void changed(String conversationId, String id);

    /** Starts keeping the index, if it keeps one. */
    void start();

    /** Stops keeping the index, storing what it holds. */
    void stop();
}
