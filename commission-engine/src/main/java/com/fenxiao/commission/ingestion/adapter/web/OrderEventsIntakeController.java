package com.fenxiao.commission.ingestion.adapter.web;

import com.fenxiao.commission.ingestion.application.QueueOrderEvent;
import com.fenxiao.commission.web.WebRequests;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /integration/v1/order-events}: the same JSON as ORDER_EVENTS, signed (HMAC-SHA256 over
 * timestamp + body, per-client secret, 5-minute window). 202 once the event is on the broker; 401 with
 * a SIGNATURE_* code, 400 ORDER_EVENT_INVALID with the reason, 503 when it could not be queued.
 */
@RestController
class OrderEventsIntakeController {

    private final QueueOrderEvent queue;

    OrderEventsIntakeController(QueueOrderEvent queue) {
        this.queue = queue;
    }

    record QueuedView(String eventId, String orderId, String type, String status) {}

    @PostMapping(path = "/integration/v1/order-events", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    QueuedView accept(
            @RequestHeader(name = "X-Client-Id", required = false) String clientId,
            @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        QueueOrderEvent.Queued queued = queue.queue(clientId, timestamp, signature, body);
        return new QueuedView(queued.eventId(), queued.orderId(), queued.type(), "QUEUED");
    }

    @ExceptionHandler(QueueOrderEvent.NotQueued.class)
    ResponseEntity<ProblemDetail> notQueued(QueueOrderEvent.NotQueued e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(Problems.of(503, ErrorCodes.SERVICE_UNAVAILABLE, e.getMessage(), WebRequests.requestId()));
    }
}
