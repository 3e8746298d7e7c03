package com.fenxiao.commission;

import com.fenxiao.common.messaging.RocketMqProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.commission.*}: the rules' starting point and how the order path runs. */
@ConfigurationProperties("platform.commission")
public class CommissionProperties {

    /** Rates used until an approved DEFAULT rule version replaces them (SPEC §4: 800 / 300 bp). */
    private final Rates defaultRates = new Rates();
    /** Level-2 commission on or off until an approved DEFAULT version says otherwise (SPEC §2.7). */
    private boolean level2Enabled = true;
    /** No rule may set a rate above these; computation caps again as a second guard. */
    private final Caps caps = new Caps();

    private final Consumer consumer = new Consumer();

    public Rates getDefaultRates() {
        return defaultRates;
    }

    public boolean isLevel2Enabled() {
        return level2Enabled;
    }

    public void setLevel2Enabled(boolean level2Enabled) {
        this.level2Enabled = level2Enabled;
    }

    public Caps getCaps() {
        return caps;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public static class Rates {
        private int level1Bp = 800;
        private int level2Bp = 300;

        public int getLevel1Bp() {
            return level1Bp;
        }

        public void setLevel1Bp(int level1Bp) {
            this.level1Bp = level1Bp;
        }

        public int getLevel2Bp() {
            return level2Bp;
        }

        public void setLevel2Bp(int level2Bp) {
            this.level2Bp = level2Bp;
        }
    }

    public static class Caps {
        private int level1MaxBp = 5_000;
        private int level2MaxBp = 2_000;

        public int getLevel1MaxBp() {
            return level1MaxBp;
        }

        public void setLevel1MaxBp(int level1MaxBp) {
            this.level1MaxBp = level1MaxBp;
        }

        public int getLevel2MaxBp() {
            return level2MaxBp;
        }

        public void setLevel2MaxBp(int level2MaxBp) {
            this.level2MaxBp = level2MaxBp;
        }
    }

    /**
     * The ORDER_EVENTS consumer: messages per listener call (RocketMQ hands at most one pull's worth), 32
     * listener threads, 2 group commit lanes (see BatchCombiner), at most 512 order events in one combined
     * batch, 3 immediate retries of a batch that failed for a passing reason (deadlock, duplicate insert).
     */
    public static class Consumer extends RocketMqProperties.Batch {
        public Consumer() {
            super(32, 32, 2, 512, 3);
        }
    }
}
