package io.chatql.analytics;

/** One interval of a series: its start as an ISO instant, and its value. */
record AnalyticsPoint(String start, double value) {}
