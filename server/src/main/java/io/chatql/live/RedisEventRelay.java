package io.chatql.live;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Relays events between nodes over Redis pub/sub. Each node publishes its committed events, tagged
 * with its own id, to one channel, and delivers the events of the other nodes to its subscribers.
 * While Redis is unreachable, events still reach this node's subscribers; other nodes' subscribers
 * miss them until the next event of the same conversation fills the gap from the database, or until
 * they resume; nothing is queued meanwhile. Lettuce reconnects and subscribes again by itself. An
 * outage is logged once, with a WARN for its first unrelayed event and a line counting them all when
 * relaying works again, not once per event. Without Redis configured, it connects to nothing and
 * relays nothing.
 */
class RedisEventRelay implements EventRelay, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEventRelay.class);

    private final RedisSettings settings;

    private final LiveProperties live;

    private final LiveEvents events;

    private final RelayFormat format;

    private final String node = UUID.randomUUID().toString();

    /** How many events in a row could not be relayed: while Redis is down, only the first is logged. */
    private final AtomicLong unrelayed = new AtomicLong();

    private @Nullable RedisClient client;

    private @Nullable StatefulRedisConnection<String, String> publishing;

    private @Nullable StatefulRedisPubSubConnection<String, String> listening;

    RedisEventRelay(RedisSettings settings, LiveProperties live, LiveEvents events, RelayFormat format) {
        this.settings = settings;
        this.live = live;
        this.events = events;
        this.format = format;
    }

    @Override
    public void relay(LiveEvent event) {
        StatefulRedisConnection<String, String> connection = publishing;
        if (connection == null) {
            return;
        }
        String message = format.write(node, event);
        connection.async().publish(live.redisChannel(), message).whenComplete((receivers, failure) -> {
            if (failure != null) {
                if (unrelayed.getAndIncrement() == 0) {
                    LOG.warn(
                            "Could not relay {} to other nodes, nor will say so of the next ones until Redis answers: {}",
                            event.getClass().getSimpleName(),
                            failure.getMessage());
                }
            } else {
                long missed = unrelayed.getAndSet(0);
                if (missed > 0) {
                    LOG.info("Relaying events to other nodes again, after {} could not be relayed", missed);
                }
            }
        });
    }

    @Override
    public void start() {
        if (!settings.configured()) {
            return;
        }
        RedisClient redis = RedisClient.create(settings.uri());
        redis.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        client = redis;
        listening = redis.connectPubSub();
        listening.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                format.read(node, message).ifPresent(events::deliver);
            }
        });
        listening.sync().subscribe(live.redisChannel());
        publishing = redis.connect();
        LOG.info("Relaying events between nodes over Redis channel {}", live.redisChannel());
    }

    /** Answers whether Redis answers a PING within {@code timeout}. */
    boolean reachable(Duration timeout) {
        StatefulRedisConnection<String, String> connection = publishing;
        if (connection == null) {
            return false;
        }
        try {
            return "PONG".equals(connection.async().ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        if (listening != null) {
            listening.close();
        }
        if (publishing != null) {
            publishing.close();
        }
        if (client != null) {
            client.shutdown();
        }
        listening = null;
        publishing = null;
        client = null;
    }

    /**
     * Starts before and stops after the components that publish events as they start and stop, such as
     * a node's departure, so that those events still reach the other nodes; before the web server's
     * graceful shutdown all the same.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 768;
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }
}
