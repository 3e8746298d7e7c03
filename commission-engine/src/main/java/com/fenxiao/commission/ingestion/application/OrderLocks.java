package com.fenxiao.commission.ingestion.application;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Serialises work on one order inside this process (listener threads, redeliveries of the same order
 * in two batches), so the database locks only have other instances to arbitrate. Stripes are taken in
 * ascending order, so two batches never wait on each other in a circle.
 */
@Component
public class OrderLocks {

    private static final int STRIPES = 4_096;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public OrderLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held lockAll(Collection<String> orderIds) {
        int[] indexes = orderIds.stream()
                .mapToInt(id -> Math.floorMod(id.hashCode(), STRIPES))
                .distinct()
                .sorted()
                .toArray();
        for (int i : indexes) {
            stripes[i].lock();
        }
        return () -> {
            for (int j = indexes.length - 1; j >= 0; j--) {
                stripes[indexes[j]].unlock();
            }
        };
    }
}
