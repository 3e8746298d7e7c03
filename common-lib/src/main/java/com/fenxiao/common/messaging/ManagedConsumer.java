package com.fenxiao.common.messaging;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.springframework.context.SmartLifecycle;

/**
 * A RocketMQ push consumer tied to the application lifecycle: it starts after the context is ready
 * and stops before the data sources close, so a graceful shutdown finishes the batch in hand.
 * A new consumer group starts from the first retained message: order events are money, and a new
 * deployment must not skip what is already in the topic (redeliveries are deduped by event id).
 */
public class ManagedConsumer implements SmartLifecycle {

    private final DefaultMQPushConsumer consumer;
    private volatile boolean running;

    public ManagedConsumer(
            String namesrv,
            String group,
            String topic,
            String tags,
            int batchSize,
            int threads,
            java.time.Instant startFrom,
            MessageListenerConcurrently listener) {
        consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName(group + "-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID());
        if (startFrom == null) {
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        } else {
            // tests: a new group reads what was sent since its context started, not the whole history
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
            consumer.setConsumeTimestamp(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(java.time.ZoneId.systemDefault())
                    .format(startFrom));
        }
        consumer.setConsumeMessageBatchMaxSize(batchSize);
        consumer.setPullBatchSize(Math.max(32, Math.min(1024, batchSize)));
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        consumer.setMaxReconsumeTimes(16);
        try {
            consumer.subscribe(topic, tags);
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot subscribe " + group + " to " + topic, e);
        }
        consumer.registerMessageListener(listener);
    }

    @Override
    public void start() {
        try {
            consumer.start();
            running = true;
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start consumer " + consumer.getConsumerGroup(), e);
        }
    }

    @Override
    public void stop() {
        consumer.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
