package com.fenxiao.e2e.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A closed-loop step: {@code clients} threads, each sending its next request as soon as the previous one
 * answered, for a warm-up (not recorded) and then a measured period. A request counts when it started
 * after the warm-up and ended before the step's end.
 */
final class ClosedLoop {

    /** One client's requests. {@link #call()} returns the HTTP status (or another outcome code). */
    interface Client extends AutoCloseable {
        /** The kind of the request {@link #call()} is about to send (set before it can fail). */
        String kind();

        int call() throws Exception;

        @Override
        default void close() {}
    }

    /** What one step measured. */
    record Result(String name, int clients, Duration measured, Recorder recorder) {
        double throughput() {
            return recorder.count() / (measured.toNanos() / 1e9);
        }
    }

    private ClosedLoop() {}

    static Result run(String name, int clients, Duration warmUp, Duration measure, IntFunction<Client> factory)
            throws InterruptedException {
        List<Client> made = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            made.add(factory.apply(i));
        }
        Recorder[] recorders = new Recorder[clients];
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        for (int i = 0; i < clients; i++) {
            Client client = made.get(i);
            Recorder recorder = new Recorder();
            recorders[i] = recorder;
            threads[i] = new Thread(
                    () -> {
                        long wait = start - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        while (true) {
                            long t0 = System.nanoTime();
                            if (t0 >= end) {
                                return;
                            }
                            int status;
                            try {
                                status = client.call();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                status = Recorder.NO_ANSWER;
                            }
                            long t1 = System.nanoTime();
                            if (t0 >= measureFrom && t1 <= end) {
                                recorder.record(client.kind(), t1 - t0, status);
                            }
                        }
                    },
                    "load-" + name + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Recorder all = new Recorder();
        for (Recorder r : recorders) {
            all.merge(r);
        }
        for (Client c : made) {
            c.close();
        }
        return new Result(name, clients, measure, all);
    }
}
