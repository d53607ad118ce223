package io.chatql.system;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking work, such as JDBC calls and password hashing, on a bounded pool of its own so that
 * the Netty event loop never waits on the database. Work that fails because the database is
 * unavailable fails with a {@link DatabaseUnavailableException}, which every transport answers as a
 * retryable error, and the outage is logged once by {@link DatabaseOutageLog}.
 */
@Component
public class BlockingWork implements DisposableBean {

    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "blocking-work");

    private final DatabaseOutageLog outages = new DatabaseOutageLog();

    private final List<GroupCommit<?, ?>> groupCommits = new CopyOnWriteArrayList<>();

    /** The result of {@code work}, computed on the blocking pool when the returned Mono is subscribed. */
    public <T> Mono<T> of(Callable<T> work) {
        return Mono.defer(() -> {
                    long startedAt = System.nanoTime();
                    return Mono.fromCallable(work)
                            .doOnSuccess(result -> outages.succeeded(startedAt))
                            .onErrorMap(DatabaseFailures::isUnavailable, outages::failed);
                })
                .subscribeOn(scheduler);
    }

    /** Like {@link #of}, for work without a result. */
    public Mono<Void> run(Runnable work) {
        return this.<Void>of(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A {@link GroupCommit} writing on a thread called {@code name}, at most {@code largestGroup}
     * entries to a group; its entries learn their outcomes on this pool.
     */
    public <T, R> GroupCommit<T, R> groupCommit(String name, int largestGroup, GroupCommit.Writer<T, R> writer) {
        GroupCommit<T, R> groupCommit = new GroupCommit<>(name, largestGroup, writer, scheduler, outages);
        groupCommits.add(groupCommit);
        return groupCommit;
    }

    @Override
    public void destroy() {
        groupCommits.forEach(GroupCommit::shutdown);
        scheduler.dispose();
    }
}
