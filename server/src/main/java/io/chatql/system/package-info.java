/**
 * What every feature relies on: the mapping of domain errors to GraphQL and HTTP answers, limits on
 * requests and queries, and running blocking database work off the event loop.
 */
@NullMarked
package io.chatql.system;

import org.jspecify.annotations.NullMarked;
