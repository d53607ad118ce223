/**
 * Built-in identity: sign-up (confirmed by a code sent by e-mail when a mail server is configured),
 * sign-in, refresh and sign-out over REST, access tokens signed with a key kept in the database and
 * published as a JWKS, and the checking of those tokens on HTTP and in the {@code connection_init} of
 * WebSocket connections.
 */
@NullMarked
package io.chatql.auth;

import org.jspecify.annotations.NullMarked;
