package io.chatql.live;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages the nodes relay events in: JSON naming the node it comes from, the event's {@link
 * LiveEventName}, and the event. Nodes of different releases run side by side during a rolling
 * upgrade, so a message also carries the event's class name, which nodes of the first releases read
 * instead of the name; a message without a name, from such a node, is read by its class name. An
 * event of a kind this node does not know has no subscriber here, and is dropped.
 */
final class RelayFormat {

    private static final Logger LOG = LoggerFactory.getLogger(RelayFormat.class);

    private final LiveEventTypes types;

    private final JsonMapper json;

    RelayFormat(LiveEventTypes types, JsonMapper json) {
        this.types = types;
        this.json = json;
    }

    /** The message relaying {@code event} from the node {@code origin}. */
    String write(String origin, LiveEvent event) {
        return json.writeValueAsString(new Relayed(
                origin, types.register(event.getClass()), event.getClass().getName(), json.valueToTree(event)));
    }

    /**
     * The event of a message from another node than {@code self}; empty for its own, one of a kind that
     * nobody here listens to, and one unreadable.
     */
    Optional<LiveEvent> read(String self, String message) {
        try {
            Relayed relayed = json.readValue(message, Relayed.class);
            if (self.equals(relayed.origin())) {
                return Optional.empty();
            }
            Optional<Class<? extends LiveEvent>> kind = relayed.name() != null
                    ? types.named(relayed.name())
                    : types.ofClassName(String.valueOf(relayed.type()));
            return kind.map(known -> json.treeToValue(relayed.event(), known));
        } catch (JacksonException | IllegalArgumentException ex) {
            LOG.warn("Ignored a relayed event that could not be read: {}", ex.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A relayed event: the node it comes from, its name, its class name (for nodes of the first
     * releases, which know no names), and the event.
     */
    record Relayed(
            String origin, @Nullable String name, @Nullable String type, JsonNode event) {}
}
