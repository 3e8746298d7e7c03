package com.fenxiao.common.messaging;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of the platform's own (enveloped) events: reads each message of a batch into its envelope
 * and hands it to {@link #handle}; an unreadable message or payload is logged and skipped (it can never
 * become readable by retrying), any other failure makes the broker redeliver the batch, which the
 * handlers' dedupe ({@code processed_event}) makes harmless.
 */
public abstract class EnvelopeListener implements MessageListenerConcurrently {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    protected final EventCodec codec;

    /** {@code what} names the events in logs, e.g. "commission events". */
    protected EnvelopeListener(EventCodec codec, String what) {
        this.codec = codec;
        this.what = what;
    }

    /** Applies one event; types it does not care about are ignored. */
    protected abstract void handle(EventEnvelope envelope) throws MalformedEventException;

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                try {
                    handle(codec.readEnvelope(new String(message.getBody(), StandardCharsets.UTF_8)));
                } catch (MalformedEventException e) {
                    log.error("unreadable {} {} skipped: {}", what, message.getMsgId(), e.getMessage());
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            log.warn("{} batch failed, will be redelivered: {}", what, e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }
}
