/**
 * The real-time transport, the top layer: WebSocket connections in four protocols and Server-Sent
 * Events, run through the same GraphQL handler chain as HTTP, with subscribers of one operation
 * sharing one live execution, and their meters. An adapter, as HTTP is: the features below know
 * nothing of it.
 */
@NullMarked
package io.chatql.realtime;

import org.jspecify.annotations.NullMarked;
