package io.chatql.live;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which the nodes of a cluster relay a kind of {@link LiveEvent} to each other: part
 * of the wire format between nodes, so it stays when the class is renamed or moved, and a node of the
 * next release still understands a node of this one. Every live event has one, unique.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LiveEventName {

    /** The name, such as {@code message.created}. */
    String value();
}
