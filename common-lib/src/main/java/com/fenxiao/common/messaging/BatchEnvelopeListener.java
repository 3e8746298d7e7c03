package com.fenxiao.common.messaging;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of the platform's own events that applies a whole batch in one call: each message is read
 * into its envelope and turned into the fact the service cares about ({@link #factOf}; null for types it
 * ignores, an unreadable message is logged and skipped: it can never become readable by retrying), the
 * batch's facts go to one use case call, combined with the batches of the other listener threads
 * ({@link BatchCombiner}). A failure is retried at once a few times (a deadlock, another instance's
 * insert), then the broker redelivers the batch; the use case's dedupe by event id makes both harmless.
 */
public abstract class BatchEnvelopeListener<F> implements MessageListenerConcurrently {

    /** One fact and the id of the event that carried it (the dedupe key). */
    public record Delivery<F>(String eventId, F fact) {}

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final BatchCombiner<Delivery<F>> combiner;
    private final int retries;
    protected final EventCodec codec;

    /**
     * {@code apply} is the use case (every delivery of the list, in order); {@code settings} bound how many
     * combined calls run at once, how large one gets and how often a failed one is retried at once.
     */
    protected BatchEnvelopeListener(
            EventCodec codec, String what, Consumer<List<Delivery<F>>> apply, RocketMqProperties.Batch settings) {
        this.codec = codec;
        this.what = what;
        this.combiner = new BatchCombiner<>(apply, settings.getLanes(), settings.getMaxBatch());
        this.retries = settings.getRetries();
    }

    /** The fact an event carries for this consumer, or null when the type is not for it. */
    protected abstract F factOf(EventEnvelope envelope) throws MalformedEventException;

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        List<Delivery<F>> deliveries = new ArrayList<>(messages.size());
        for (MessageExt message : messages) {
            try {
                EventEnvelope envelope = codec.readEnvelope(new String(message.getBody(), StandardCharsets.UTF_8));
                F fact = factOf(envelope);
                if (fact != null) {
                    deliveries.add(new Delivery<>(envelope.eventId(), fact));
                }
            } catch (MalformedEventException e) {
                log.error("unreadable {} {} skipped: {}", what, message.getMsgId(), e.getMessage());
            }
        }
        if (deliveries.isEmpty()) {
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        return combiner.recordRetrying(deliveries, retries, what)
                ? ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                : ConsumeConcurrentlyStatus.RECONSUME_LATER;
    }
}
