package com.fenxiao.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Reads every message of a topic from its first offset, in the background, without joining a
 * consumer group's rebalancing: each queue is assigned explicitly, so what a test sees does not
 * depend on other consumers in the same JVM.
 */
public final class TopicWatcher implements AutoCloseable {

    private final DefaultLitePullConsumer consumer;
    private final ConcurrentLinkedQueue<MessageExt> messages = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    private TopicWatcher(String topic) throws Exception {
        consumer = new DefaultLitePullConsumer("it-watch-" + UUID.randomUUID());
        consumer.setNamesrvAddr(TestInfrastructure.rocketMqNamesrv());
        consumer.setInstanceName("it-watch-" + UUID.randomUUID());
        consumer.setAutoCommit(false);
        consumer.start();
        try {
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(topic);
            consumer.assign(queues);
            for (MessageQueue q : queues) {
                consumer.seekToBegin(q);
            }
        } catch (Exception e) {
            consumer.shutdown();
            throw e;
        }
        poller = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            messages.addAll(consumer.poll(200));
                        } catch (RuntimeException e) {
                            if (running.get()) {
                                sleep();
                            }
                        }
                    }
                },
                "topic-watcher-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** Retries a few times: a broker busy with an earlier test class may drop one request. */
    public static TopicWatcher watch(String topic) {
        Exception last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return new TopicWatcher(topic);
            } catch (Exception e) {
                last = e;
                sleep(attempt * 500L);
            }
        }
        throw new IllegalStateException("cannot watch " + topic, last);
    }

    public List<MessageExt> messages() {
        return new ArrayList<>(messages);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.shutdown();
    }

    private static void sleep() {
        sleep(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
