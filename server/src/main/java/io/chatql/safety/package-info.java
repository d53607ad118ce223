/**
 * Safety between users: blocking another user, privately, so that they cannot add the blocker to a
 * conversation and their messages are collapsed for the blocker in the conversations both are still
 * in.
 */
@NullMarked
package io.chatql.safety;

import org.jspecify.annotations.NullMarked;
