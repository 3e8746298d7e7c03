package com.fenxiao.common.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("platform.rocketmq")
public class RocketMqProperties {

    /** Name server address(es), {@code host:port;host:port}; from {@code ROCKETMQ_NAMESRV}. */
    private String namesrv;

    private int sendTimeoutMillis = 5_000;
    /** How often the relay looks for unpublished outbox rows when the last look found none. */
    private long relayIdleMillis = 200;

    private int relayBatchSize = 500;

    private final Batch batch = new Batch();

    /**
     * The batched consumers where money flows ({@code platform.rocketmq.batch.*}): messages per pull and
     * per listener call, listener threads, how the listeners' batches are combined into one write
     * ({@link BatchCombiner}: calls at once, items per call) and the immediate retries of a failed batch
     * before the broker redelivers it. A service with its own consumer settings extends it with its own
     * defaults.
     */
    public static class Batch {
        private int batchSize;
        private int threads;
        private int lanes;
        private int maxBatch;
        private int retries;

        public Batch() {
            this(256, 4, 2, 1024, 3);
        }

        protected Batch(int batchSize, int threads, int lanes, int maxBatch, int retries) {
            this.batchSize = batchSize;
            this.threads = threads;
            this.lanes = lanes;
            this.maxBatch = maxBatch;
            this.retries = retries;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getLanes() {
            return lanes;
        }

        public void setLanes(int lanes) {
            this.lanes = lanes;
        }

        public int getMaxBatch() {
            return maxBatch;
        }

        public void setMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }
    }

    public Batch getBatch() {
        return batch;
    }
    /**
     * Where a consumer group that has no offset yet starts: {@code FIRST} (default: nothing retained is
     * skipped) or {@code STARTUP} (messages sent since this process started; for tests).
     */
    private String newGroupsStartAt = "FIRST";

    public String getNewGroupsStartAt() {
        return newGroupsStartAt;
    }

    public void setNewGroupsStartAt(String newGroupsStartAt) {
        this.newGroupsStartAt = newGroupsStartAt;
    }

    /** The instant new groups start from, or null for the first retained message. */
    public java.time.Instant newGroupStart(java.time.Clock clock) {
        return "STARTUP".equalsIgnoreCase(newGroupsStartAt) ? clock.instant().minusSeconds(5) : null;
    }

    public String getNamesrv() {
        return namesrv;
    }

    public void setNamesrv(String namesrv) {
        this.namesrv = namesrv;
    }

    public int getSendTimeoutMillis() {
        return sendTimeoutMillis;
    }

    public void setSendTimeoutMillis(int sendTimeoutMillis) {
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    public long getRelayIdleMillis() {
        return relayIdleMillis;
    }

    public void setRelayIdleMillis(long relayIdleMillis) {
        this.relayIdleMillis = relayIdleMillis;
    }

    public int getRelayBatchSize() {
        return relayBatchSize;
    }

    public void setRelayBatchSize(int relayBatchSize) {
        this.relayBatchSize = relayBatchSize;
    }
}
