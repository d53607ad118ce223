/**
 * Analytics: the events clients send (sessions, page views and what they report of messages and
 * conversations), the events the server records itself (messages sent, conversations created, sign-ups
 * and sign-ins), their roll-up into hourly counts and daily active users, the retention of both, and
 * the administrators' queries of time series and totals.
 */
@NullMarked
package io.chatql.analytics;

import org.jspecify.annotations.NullMarked;
