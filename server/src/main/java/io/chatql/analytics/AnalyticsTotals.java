package io.chatql.analytics;

/** The totals of a range, and the real-time connections and subscriptions open now on this node. */
record AnalyticsTotals(
        int messagesSent,
        int conversationsCreated,
        int signUps,
        int signIns,
        int sessions,
        double averageSessionSeconds,
        int activeUsers,
        int pageViews,
        int liveConnections,
        int liveSubscriptions) {}
