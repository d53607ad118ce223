package io.chatql.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format between nodes survives a rolling upgrade: one node on the old build, one on the new,
 * relaying to each other.
 */
class RelayFormatTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final RelayFormat thisRelease = new RelayFormat(knowing(Posted.class), json);

    @Test
    void anEventIsRelayedUnderItsNameAndItsClassName() {
        JsonNode message = json.readTree(thisRelease.write("node-a", new Posted("room", "hello")));

        assertThat(message.get("origin").asString()).isEqualTo("node-a");
        assertThat(message.get("name").asString()).isEqualTo("test.posted");
        assertThat(message.get("type").asString()).isEqualTo(Posted.class.getName());
        assertThat(message.get("event").get("words").asString()).isEqualTo("hello");
    }

    @Test
    void aNodeOfTheNextReleaseWhereTheClassWasRenamedIsUnderstood() {
        RelayFormat nextRelease = new RelayFormat(knowing(PostedRenamed.class), json);

        assertThat(thisRelease.read("node-a", nextRelease.write("node-b", new PostedRenamed("room", "hello"))))
                .contains(new Posted("room", "hello"));
        assertThat(nextRelease.read("node-b", thisRelease.write("node-a", new Posted("room", "hi"))))
                .contains(new PostedRenamed("room", "hi"));
    }

    @Test
    void aNodeOfTheFirstReleasesWhichRelaysClassNamesOnlyIsUnderstood() {
        String fromFirstRelease = "{\"origin\":\"node-b\",\"type\":\"" + Posted.class.getName()
                + "\",\"event\":{\"room\":\"room\",\"words\":\"hello\"}}";

        assertThat(thisRelease.read("node-a", fromFirstRelease)).contains(new Posted("room", "hello"));
    }

    @Test
    void aNodeReadsThePartsOfTheMessageThatTheFirstReleasesRead() {
        JsonNode message = json.readTree(thisRelease.write("node-a", new Posted("room", "hello")));

        assertThat(message.propertyNames()).containsAll(List.of("origin", "type", "event"));
    }

    @Test
    void itsOwnEventsComeBackToNoNode() {
        assertThat(thisRelease.read("node-a", thisRelease.write("node-a", new Posted("room", "hello"))))
                .isEmpty();
    }

    @Test
    void eventsOfUnknownKindsOrUnreadableAreIgnored() {
        assertThat(thisRelease.read("node-a", "{\"origin\":\"b\",\"name\":\"test.unknown\",\"event\":{}}"))
                .isEmpty();
        assertThat(thisRelease.read("node-a", "{\"origin\":\"b\",\"type\":\"java.lang.Runtime\",\"event\":{}}"))
                .isEmpty();
        assertThat(thisRelease.read("node-a", "not json")).isEmpty();
        assertThat(thisRelease.read("node-a", "{\"origin\":\"b\",\"name\":\"test.posted\",\"event\":[1]}"))
                .isEmpty();
    }

    @Test
    void eventsOfAKindNobodyHereListensToAreDropped() {
        RelayFormat knowingNothing = new RelayFormat(new LiveEventTypes(), json);

        assertThat(knowingNothing.read("node-a", thisRelease.write("node-b", new Posted("room", "hello"))))
                .isEmpty();
    }

    @Test
    void aLiveEventWithoutANameIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new LiveEventTypes().register(Nameless.class))
                .withMessageContaining("without a @LiveEventName");
    }

    @Test
    void twoKindsOfLiveEventWithOneNameAreRefused() {
        LiveEventTypes types = knowing(Posted.class);

        assertThatIllegalStateException()
                .isThrownBy(() -> types.register(PostedRenamed.class))
                .withMessageContaining("both live events named test.posted");
    }

    private static LiveEventTypes knowing(Class<? extends LiveEvent> kind) {
        LiveEventTypes types = new LiveEventTypes();
        types.register(kind);
        return types;
    }

    @LiveEventName("test.posted")
    record Posted(String room, String words) implements LiveEvent {}

    /** The same event as {@link Posted}, after its class was renamed. */
    @LiveEventName("test.posted")
    record PostedRenamed(String room, String words) implements LiveEvent {}

    record Nameless() implements LiveEvent {}
}
