package com.fenxiao.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00.123Z");

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void issues_strictly_increasing_unique_ids_on_a_frozen_clock() {
        IdGenerator ids = new IdGenerator(clock, 7);
        Set<Long> seen = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 100_000; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous).isPositive();
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void borrows_the_next_millisecond_when_the_sequence_rolls_over() {
        IdGenerator ids = new IdGenerator(clock, 1);
        long first = ids.nextId();
        long last = first;
        for (int i = 1; i < 4_096; i++) {
            last = ids.nextId();
        }
        assertThat(IdGenerator.timeOf(last)).isEqualTo(NOW);

        long borrowed = ids.nextId();

        assertThat(borrowed).isGreaterThan(last);
        assertThat(IdGenerator.timeOf(borrowed)).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void encodes_the_worker_id_in_every_id() {
        assertThat(IdGenerator.workerOf(new IdGenerator(clock, 0).nextId())).isZero();
        assertThat(IdGenerator.workerOf(new IdGenerator(clock, 42).nextId())).isEqualTo(42);
        assertThat(IdGenerator.workerOf(new IdGenerator(clock, IdGenerator.MAX_WORKER_ID).nextId()))
                .isEqualTo(IdGenerator.MAX_WORKER_ID);
    }

    @Test
    void tells_the_instant_an_id_was_issued() {
        IdGenerator ids = new IdGenerator(clock, 3);
        assertThat(IdGenerator.timeOf(ids.nextId())).isEqualTo(NOW);

        clock.advance(Duration.ofDays(400));

        assertThat(IdGenerator.timeOf(ids.nextId())).isEqualTo(NOW.plus(Duration.ofDays(400)));
    }

    @Test
    void refuses_a_worker_id_out_of_range() {
        assertThatThrownBy(() -> new IdGenerator(clock, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdGenerator(clock, IdGenerator.MAX_WORKER_ID + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IdGenerator.MAX_WORKER_ID).isEqualTo(1_023);
    }

    @Test
    void keeps_ids_increasing_when_the_clock_steps_backwards() {
        IdGenerator ids = new IdGenerator(clock, 5);
        long beforeStep = ids.nextId();
        clock.advance(Duration.ofSeconds(-5));

        long afterStep = ids.nextId();
        long next = ids.nextId();

        assertThat(afterStep).isGreaterThan(beforeStep);
        assertThat(next).isGreaterThan(afterStep);
        assertThat(IdGenerator.timeOf(afterStep)).isEqualTo(NOW);
        assertThat(IdGenerator.workerOf(afterStep)).isEqualTo(5);
    }

    @Test
    void sorts_ids_by_the_time_they_were_issued() {
        IdGenerator ids = new IdGenerator(clock, 9);
        long earlier = ids.nextId();
        clock.advance(Duration.ofMillis(1));
        long later = new IdGenerator(clock, 0).nextId();

        assertThat(later).isGreaterThan(earlier);
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
