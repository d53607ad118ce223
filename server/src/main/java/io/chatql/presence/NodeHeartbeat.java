package io.chatql.presence;

import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;
import java.util.List;

/**
 * The node {@code node} is alive, and holds connections of the users {@code connected}, of whom those
 * in {@code away} were reported idle: sent every {@code chatql.presence.node-heartbeat}, so that a node
 * that starts, or missed a change, learns what the others hold, and a node that stops sending is
 * taken for dead.
 */
@LiveEventName("presence.node-heartbeat")
record NodeHeartbeat(String node, List<String> connected, List<String> away) implements LiveEvent {}
