package com.fenxiao.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchCombinerTest {

    static List<String> batch(String order) {
        return List.of(order);
    }

    @Test
    void combines_the_batches_that_queue_while_a_lane_is_busy_and_returns_each_once_stored() throws Exception {
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchCombiner<String> recorder = new BatchCombiner<>(
                facts -> {
                    calls.add(facts);
                    firstCallStarted.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                1,
                100);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> first = pool.submit(() -> recorder.record(batch("A")));
            firstCallStarted.await(5, TimeUnit.SECONDS);
            List<Future<?>> waiting = new ArrayList<>();
            for (String order : List.of("B", "C", "D", "E")) {
                waiting.add(pool.submit(() -> recorder.record(batch(order))));
            }
            Thread.sleep(200); // let them queue behind the busy lane
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> f : waiting) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactlyInAnyOrder("B", "C", "D", "E");
    }

    @Test
    void fails_every_batch_of_a_failed_call_so_each_listener_retries_its_own() {
        BatchCombiner<String> recorder = new BatchCombiner<>(
                facts -> {
                    throw new IllegalStateException("deadlock");
                },
                2,
                100);

        assertThatThrownBy(() -> recorder.record(batch("A"))).hasMessage("deadlock");
    }

    @Test
    void keeps_a_combined_call_within_the_maximum() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        BatchCombiner<String> recorder = new BatchCombiner<>(facts -> sizes.add(facts.size()), 1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String order = "O" + i;
                all.add(pool.submit(() -> recorder.record(batch(order))));
            }
            for (Future<?> f : all) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sizes).allMatch(s -> s <= 2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }
}
