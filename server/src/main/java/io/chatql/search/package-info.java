/**
 * Search: full-text search of the messages of the conversations a caller is in, with words, phrases,
 * prefixes and the {@code from:} and {@code in:} filters; on H2 in an embedded Lucene index kept from
 * the message events off the send path, on PostgreSQL in the database's own full-text index.
 */
@NullMarked
package io.chatql.search;

import org.jspecify.annotations.NullMarked;
