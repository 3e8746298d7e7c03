package com.fenxiao.common.messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the consumers where money flows. RocketMQ hands each listener thread at most one
 * pull's worth of messages of one queue; every batch costs a fixed number of round trips and commits
 * whatever its size, so listener threads queue their batches here and at most {@code lanes} of them at a
 * time take everything queued (up to {@code maxFacts} items) into one call of the sink, then wake the
 * threads whose batches went with it. A failure fails every batch of that call; each listener then
 * retries its own (every step is idempotent).
 */
public final class BatchCombiner<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchCombiner.class);

    private final Consumer<List<T>> record;
    private final int lanes;
    private final int maxFacts;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private int busyLanes;

    public BatchCombiner(Consumer<List<T>> record, int lanes, int maxFacts) {
        this.record = record;
        this.lanes = Math.max(1, lanes);
        this.maxFacts = Math.max(1, maxFacts);
    }

    private final class Request {
        final List<T> facts;
        boolean done;
        RuntimeException failure;

        Request(List<T> facts) {
            this.facts = facts;
        }
    }

    /** Records the facts, combined with whatever other threads are recording; returns when they are stored. */
    public void record(List<T> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Request mine = new Request(facts);
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            List<Request> taken;
            synchronized (this) {
                while (!mine.done && (busyLanes >= lanes || queue.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting to record", e);
                    }
                }
                if (mine.done) {
                    break;
                }
                busyLanes++;
                taken = drain();
            }
            RuntimeException failure = null;
            try {
                List<T> all = new ArrayList<>();
                taken.forEach(r -> all.addAll(r.facts));
                record.accept(all);
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (this) {
                for (Request r : taken) {
                    r.done = true;
                    r.failure = failure;
                }
                busyLanes--;
                notifyAll();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /**
     * {@link #record}, retried at once up to {@code retries} times after a failure for a passing reason (a
     * deadlock, another instance's insert); false when every attempt failed, so the listener hands the
     * batch back to the broker for a later delivery. {@code what} names the batch in the log.
     */
    public boolean recordRetrying(List<T> facts, int retries, String what) {
        for (int attempt = 0; ; attempt++) {
            try {
                record(facts);
                return true;
            } catch (RuntimeException e) {
                if (attempt >= retries) {
                    log.warn("{} batch failed {} times, will be redelivered: {}", what, attempt + 1, e.toString());
                    return false;
                }
                log.info("{} batch failed (attempt {}), retrying: {}", what, attempt + 1, e.toString());
                try {
                    Thread.sleep(20L * (attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private List<Request> drain() {
        List<Request> taken = new ArrayList<>();
        int facts = 0;
        while (!queue.isEmpty()
                && (taken.isEmpty() || facts + queue.peek().facts.size() <= maxFacts)) {
            Request r = queue.poll();
            taken.add(r);
            facts += r.facts.size();
        }
        return taken;
    }
}
