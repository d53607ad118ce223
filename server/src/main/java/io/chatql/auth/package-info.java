/**
 * Identity: sign-up, sign-in, refresh and sign-out over REST; access tokens carrying the user's roles,
 * signed with rotating keys kept in the database and published as a JWKS with an OpenID configuration;
 * tokens of trusted external issuers, such as Amazon Cognito or Keycloak, whose users are made on their
 * first request; API keys that act as bot users; and the checking of all these on HTTP and in the
 * authentication of real-time connections.
 */
@NullMarked
package io.chatql.auth;

import org.jspecify.annotations.NullMarked;
