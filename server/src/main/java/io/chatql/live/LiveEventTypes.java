package io.chatql.live;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The kinds of live event this node knows, by their {@link LiveEventName}: those it has listened to
 * or published. An event of another kind, relayed from another node, has no subscriber here. A kind
 * without a name, or with another kind's name, is refused as soon as it is used: the nodes could not
 * tell its events apart.
 */
@Component
class LiveEventTypes {

    private final Map<String, Class<? extends LiveEvent>> byName = new ConcurrentHashMap<>();

    private final Map<String, Class<? extends LiveEvent>> byClassName = new ConcurrentHashMap<>();

    /** Knows {@code kind} from now on, and answers its name. */
    String register(Class<? extends LiveEvent> kind) {
        LiveEventName name = kind.getAnnotation(LiveEventName.class);
        if (name == null || name.value().isBlank()) {
            throw new IllegalStateException(
                    kind.getName() + " is a live event without a @LiveEventName: the nodes could not relay it");
        }
        Class<? extends LiveEvent> known = byName.computeIfAbsent(name.value(), ignored -> kind);
        if (known != kind) {
            throw new IllegalStateException(
                    kind.getName() + " and " + known.getName() + " are both live events named " + name.value());
        }
        byClassName.putIfAbsent(kind.getName(), kind);
        return name.value();
    }

    /** The known kind named {@code name}. */
    Optional<Class<? extends LiveEvent>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The known kind whose class is named {@code className}, as nodes of the first releases relay. */
    Optional<Class<? extends LiveEvent>> ofClassName(String className) {
        return Optional.ofNullable(byClassName.get(className));
    }
}
