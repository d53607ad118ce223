package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import reactor.core.scheduler.Schedulers;

class GroupCommitTests {

    /** The groups the writer was given, by their items, including those it rolled back. */
    private final List<List<String>> groups = new CopyOnWriteArrayList<>();

    /** Items stored by groups that were not rolled back. */
    private final List<String> committed = new CopyOnWriteArrayList<>();

    private final CountDownLatch firstGroupMayCommit = new CountDownLatch(1);

    private final CountDownLatch firstGroupIsWriting = new CountDownLatch(1);

    private final GroupCommit<String, String> groupCommit =
            new GroupCommit<>("test-writer", 3, this::write, Schedulers.immediate(), new DatabaseOutageLog());

    private final List<GroupCommit<String, String>> heldWriters = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        firstGroupMayCommit.countDown();
        groupCommit.shutdown();
        heldWriters.forEach(GroupCommit::shutdown);
    }

    @Test
    void whatArrivesWhileAGroupIsWrittenIsWrittenTogetherAsTheNextGroups() throws Exception {
        var first = groupCommit.submit("a");
        firstGroupIsWriting.await(5, TimeUnit.SECONDS);
        var waiting = List.of(
                groupCommit.submit("b"), groupCommit.submit("c"), groupCommit.submit("d"), groupCommit.submit("e"));
        firstGroupMayCommit.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
        for (var result : waiting) {
            result.get(5, TimeUnit.SECONDS);
        }
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e"));
    }

    @Test
    void anEntryLearnsItsOutcomeOnlyOnceItsGroupHasCommitted() throws Exception {
        var result = groupCommit.submit("a");
        firstGroupIsWriting.await(5, TimeUnit.SECONDS);

        assertThat(result).isNotDone();
        firstGroupMayCommit.countDown();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
    }

    @Test
    void aRefusedEntryIsRefusedAloneAndTheRestOfItsGroupIsStored() throws Exception {
        firstGroupMayCommit.countDown();
        var results = submitTogether("a", "refuse-b", "c");

        assertThat(results.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
        assertThatThrownBy(() -> results.get(1).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ConflictException.class)
                .hasMessage("refuse-b is refused");
        assertThat(results.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("stored c");
    }

    @Test
    void aGroupThatFailsIsWrittenAgainOneEntryAtATimeSoOnlyTheFaultyOneFails() throws Exception {
        firstGroupMayCommit.countDown();
        var results = submitTogether("a", "break-b", "c");

        assertThat(results.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
        assertThatThrownBy(() -> results.get(1).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(results.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("stored c");
        assertThat(committed).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void whenTheDatabaseIsUnavailableTheWholeGroupFailsAtOnceAndRetryably() {
        firstGroupMayCommit.countDown();
        var results = submitTogether("a", "unavailable-b", "c");

        for (var result : results) {
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(groups).containsExactly(List.of("a", "unavailable-b", "c"));
        assertThat(committed).isEmpty();
    }

    @Test
    void whatQueuedBehindAGroupTheDatabaseFailedFailsWithItAndIsNotWritten() throws Exception {
        var first = groupCommit.submit("unavailable-a");
        firstGroupIsWriting.await(5, TimeUnit.SECONDS);
        var queued = List.of(groupCommit.submit("b"), groupCommit.submit("c"));
        firstGroupMayCommit.countDown();

        for (var result : List.of(first, queued.get(0), queued.get(1))) {
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(groups).containsExactly(List.of("unavailable-a"));
        assertThat(groupCommit.submit("d").get(5, TimeUnit.SECONDS)).isEqualTo("stored d");
    }

    /** Submits the items while a first group holds the writer, so that they form one group. */
    private List<CompletableFuture<String>> submitTogether(String... items) {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        GroupCommit<String, String> held = new GroupCommit<>(
                "held-writer",
                items.length,
                group -> {
                    if (group.get(0).item().equals("hold")) {
                        holding.countDown();
                        awaitQuietly(hold);
                        group.get(0).store("held");
                    } else {
                        write(group);
                    }
                },
                Schedulers.immediate(),
                new DatabaseOutageLog());
        heldWriters.add(held);
        held.submit("hold");
        awaitQuietly(holding);
        List<CompletableFuture<String>> results =
                List.of(items).stream().map(held::submit).toList();
        hold.countDown();
        return results;
    }

    private void write(List<GroupCommit.Entry<String, String>> group) {
        groups.add(group.stream().map(GroupCommit.Entry::item).toList());
        firstGroupIsWriting.countDown();
        awaitQuietly(firstGroupMayCommit);
        for (var entry : group) {
            String item = entry.item();
            if (item.startsWith("refuse-")) {
                entry.refuse(new ConflictException(item + " is refused"));
            } else if (item.startsWith("break-")) {
                throw new DataIntegrityViolationException(item + " breaks a constraint");
            } else if (item.startsWith("unavailable-")) {
                throw new CannotGetJdbcConnectionException("no connection");
            } else {
                entry.store("stored " + item);
            }
        }
        group.stream()
                .map(GroupCommit.Entry::item)
                .filter(item -> !item.startsWith("refuse-"))
                .forEach(committed::add);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
