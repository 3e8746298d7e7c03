package com.fenxiao.common.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;

/**
 * Sends to RocketMQ and waits for the broker's answer. Never call it inside an open database
 * transaction: business code writes the outbox, the relay calls this.
 */
public class MessagePublisher implements AutoCloseable {

    /** Maximum messages per batch send (well below the broker's 4 MiB batch limit for our payloads). */
    private static final int MAX_BATCH = 100;

    private final DefaultMQProducer producer;

    public MessagePublisher(String namesrv, String group, int sendTimeoutMillis) {
        producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrv);
        producer.setSendMsgTimeout(sendTimeoutMillis);
        producer.setRetryTimesWhenSendFailed(2);
        producer.setInstanceName(group + "-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID());
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start RocketMQ producer " + group + " on " + namesrv, e);
        }
    }

    public record Outgoing(String topic, String tag, String key, String body, Map<String, String> properties) {
        public Outgoing(String topic, String tag, String key, String body) {
            this(topic, tag, key, body, Map.of());
        }

        Message toMessage() {
            Message m = new Message(topic, tag, key, body.getBytes(StandardCharsets.UTF_8));
            properties.forEach(m::putUserProperty);
            return m;
        }
    }

    public void send(Outgoing message) throws PublishException {
        try {
            SendResult result = producer.send(message.toMessage());
            requireOk(result);
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            throw new PublishException("send to " + message.topic() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    /** Sends messages of one topic in batches; all or an exception (the caller retries the whole list). */
    public void sendAll(String topic, List<Outgoing> messages) throws PublishException {
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<Message> batch = new ArrayList<>();
            for (Outgoing o : messages.subList(from, Math.min(messages.size(), from + MAX_BATCH))) {
                if (!o.topic().equals(topic)) {
                    throw new IllegalArgumentException("one topic per batch");
                }
                batch.add(o.toMessage());
            }
            try {
                requireOk(producer.send(batch));
            } catch (MQClientException | RemotingException | MQBrokerException e) {
                throw new PublishException("batch send to " + topic + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted", e);
            }
        }
    }

    private static void requireOk(SendResult result) throws PublishException {
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new PublishException("broker answered " + result.getSendStatus(), null);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }

    public static final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
