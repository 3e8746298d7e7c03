package com.fenxiao.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCompleted;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.event.commission.v1.CommissionWithdrawn;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.event.order.v1.OrderCompleted;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;
import com.fenxiao.common.event.relation.v1.MemberDisabled;
import com.fenxiao.common.event.relation.v1.MemberEnabled;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationRefused;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalApproved;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalFailed;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalPaid;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalRejected;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalRequested;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards every event contract on the wire. Adding a contract means adding a sample below; the
 * coverage tests fail until one exists.
 */
class EventContractsTest {

    /** Above 2^53, so a JavaScript number could not hold it: it must travel as a string. */
    private static final long BIG_ID = 9_007_199_254_740_993L;

    private static final Instant AT = Instant.parse("2026-11-25T02:00:00.123Z");

    private static final List<String> INTERNAL_PACKAGES = List.of(
            "com.fenxiao.common.event.relation.v1",
            "com.fenxiao.common.event.commission.v1",
            "com.fenxiao.common.event.withdrawal.v1");

    private final EventCodec codec = new EventCodec();

    static Stream<PlatformEvent> internalSamples() {
        return Stream.of(
                new RelationBound(BIG_ID, BIG_ID + 1, BIG_ID + 2, "QR_CODE", AT),
                new RelationUnbound(BIG_ID, BIG_ID + 1, "cooling-off unbind", BIG_ID + 3, BIG_ID + 4, AT),
                new RelationRefused(BIG_ID, "INV8K2", "CYCLE", AT),
                new MemberFlagged(BIG_ID, "same device as inviter", AT),
                new MemberFlagCleared(BIG_ID, BIG_ID - 1, "IP_FLOOD", 501L, AT),
                new MemberDisabled(BIG_ID, "刷单", BIG_ID + 6, AT),
                new MemberEnabled(BIG_ID, "申诉通过", BIG_ID + 6, AT),
                new CommissionCreated(
                        BIG_ID,
                        "100001",
                        "SO100001",
                        BIG_ID + 1,
                        BIG_ID + 2,
                        1,
                        1_592,
                        "PENDING",
                        AT,
                        true,
                        "BUYER_FLAGGED",
                        AT,
                        AT,
                        List.of(new ProductShare("P1", 1_592)),
                        3),
                new CommissionAdjusted(
                        BIG_ID,
                        "100001",
                        BIG_ID + 1,
                        -796,
                        796,
                        "partial refund R1",
                        AT,
                        "R1",
                        BIG_ID + 5,
                        List.of(new ProductShare("P1", 796)),
                        4),
                new CommissionCancelled(
                        BIG_ID, "100001", BIG_ID + 1, 1_592, "full refund", AT, "R1", 5, CommissionOrigin.ENGINE),
                new CommissionSettled(BIG_ID, "100001", BIG_ID + 1, 1_592, false, AT, AT, AT.plusSeconds(604_800)),
                new CommissionCompleted(BIG_ID, "100001", BIG_ID + 1, AT, List.of("P1", "P2"), 2),
                new CommissionWithdrawn(BIG_ID, "100001", BIG_ID + 1, 1_592, BIG_ID + 9, AT),
                new CommissionReversed(
                        BIG_ID,
                        "100001",
                        "R1",
                        BIG_ID + 1,
                        796,
                        AT,
                        796L,
                        "SETTLED",
                        List.of(new ProductShare("P1", 796)),
                        6,
                        CommissionOrigin.SETTLEMENT),
                new WithdrawalRequested(BIG_ID, BIG_ID + 1, "WECHAT", 10_000, 0, 0, 10_000, "REQUESTED", null, AT),
                new WithdrawalApproved(BIG_ID, BIG_ID + 1, "WECHAT", 10_000, 0, 0, 10_000, "APPROVED", null, AT),
                new WithdrawalRejected(
                        BIG_ID, BIG_ID + 1, "BANK", 10_000, 100, 0, 9_900, "REJECTED", "name mismatch", AT),
                new WithdrawalPaid(BIG_ID, BIG_ID + 1, "BANK", 100_000, 100, 16_000, 83_900, "PAID", null, AT),
                new WithdrawalFailed(BIG_ID, BIG_ID + 1, "WECHAT", 10_000, 0, 0, 10_000, "FAILED", "NO_AUTH", AT));
    }

    static Stream<OrderEvent> orderSamples() {
        return Stream.of(
                new OrderPaid(
                        "e-1",
                        "100001",
                        "SO100001",
                        42,
                        AT,
                        List.of(
                                new OrderPaid.Item("1", "P1", "C1", 2, 19_900, 12_000),
                                new OrderPaid.Item("2", "P2", null, 1, 9_950, 5_000))),
                new OrderCompleted("e-2", "100001", AT),
                new OrderRefunded("e-3", "100001", "R1", AT, List.of(new OrderRefunded.Item("1", 9_950))));
    }

    // --- order system contracts (flat JSON, API.md) ---

    @Test
    void reads_the_api_sample_of_an_order_paid() throws Exception {
        String json =
                """
                {"eventId":"e-1","type":"PAID","orderId":"100001","orderNo":"SO100001","buyerId":42,
                 "occurredAt":"2026-11-25T10:00:00+08:00",
                 "items":[{"itemId":"1","productId":"P1","quantity":2,"paidFen":19900,"costFen":12000}]}
                """;

        OrderEvent event = codec.read(json, OrderEvent.class);

        assertThat(event)
                .isEqualTo(new OrderPaid(
                        "e-1",
                        "100001",
                        "SO100001",
                        42,
                        Instant.parse("2026-11-25T02:00:00Z"),
                        List.of(new OrderPaid.Item("1", "P1", null, 2, 19_900, 12_000))));
        assertThat(event.type()).isEqualTo("PAID");
    }

    @Test
    void reads_the_api_sample_of_an_order_completed() throws Exception {
        // API.md elides the time as "..."; a real offset time stands in for it.
        String json =
                """
                {"eventId":"e-2","type":"COMPLETED","orderId":"100001","occurredAt":"2026-11-28T09:30:00+08:00"}
                """;

        OrderEvent event = codec.read(json, OrderEvent.class);

        assertThat(event).isEqualTo(new OrderCompleted("e-2", "100001", Instant.parse("2026-11-28T01:30:00Z")));
        assertThat(event.type()).isEqualTo("COMPLETED");
    }

    @Test
    void reads_the_api_sample_of_an_order_refunded() throws Exception {
        String json =
                """
                {"eventId":"e-3","type":"REFUNDED","orderId":"100001","refundId":"R1","occurredAt":"2026-11-26T10:00:00+08:00",
                 "items":[{"itemId":"1","refundFen":9950}]}
                """;

        OrderEvent event = codec.read(json, OrderEvent.class);

        assertThat(event)
                .isEqualTo(new OrderRefunded(
                        "e-3",
                        "100001",
                        "R1",
                        Instant.parse("2026-11-26T02:00:00Z"),
                        List.of(new OrderRefunded.Item("1", 9_950))));
        assertThat(event.type()).isEqualTo("REFUNDED");
    }

    @ParameterizedTest
    @MethodSource("orderSamples")
    void round_trips_an_order_event_through_the_sealed_interface(OrderEvent sample) throws Exception {
        String json = codec.write(sample);

        assertThat(codec.mapper().readTree(json).get("type").asText()).isEqualTo(sample.type());
        assertThat(codec.read(json, OrderEvent.class)).isEqualTo(sample);
    }

    @Test
    void ignores_order_event_fields_it_does_not_know() throws Exception {
        String json =
                """
                {"eventId":"e-2","type":"COMPLETED","orderId":"100001","occurredAt":"2026-11-25T10:00:00+08:00",
                 "channel":"MINI_PROGRAM","extra":{"nested":[1,2,3]}}
                """;

        assertThat(codec.read(json, OrderEvent.class))
                .isEqualTo(new OrderCompleted("e-2", "100001", Instant.parse("2026-11-25T02:00:00Z")));
    }

    @Test
    void has_a_sample_for_every_order_contract() {
        Set<Class<?>> sampled = orderSamples().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(OrderEvent.class.getPermittedSubclasses());
    }

    // --- internal contracts (enveloped) ---

    @ParameterizedTest
    @MethodSource("internalSamples")
    void round_trips_an_internal_event_through_its_envelope(PlatformEvent sample) throws Exception {
        EventEnvelope sent = codec.wrap("evt-1", AT, sample);

        EventEnvelope received = codec.readEnvelope(codec.write(sent));

        // JsonNode equality tells an IntNode from a LongNode of the same value, so compare the wire form.
        assertThat(codec.write(received)).isEqualTo(codec.write(sent));
        assertThat(received.eventId()).isEqualTo("evt-1");
        assertThat(received.occurredAt()).isEqualTo(AT);
        assertThat(codec.payloadOf(received, sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("internalSamples")
    void names_type_version_and_key_in_the_envelope(PlatformEvent sample) throws Exception {
        EventType type = sample.getClass().getAnnotation(EventType.class);

        JsonNode wire = codec.mapper().readTree(codec.write(codec.wrap("evt-1", AT, sample)));

        assertThat(wire.get("eventId").asText()).isEqualTo("evt-1");
        assertThat(wire.get("type").asText()).isEqualTo(type.value());
        assertThat(wire.get("version").asInt()).isEqualTo(type.version());
        assertThat(wire.get("key").asText()).isEqualTo(sample.key());
        assertThat(wire.get("occurredAt").asText()).isEqualTo("2026-11-25T02:00:00.123Z");
        assertThat(type.topic()).isIn((Object[]) Topics.ALL);
    }

    @ParameterizedTest
    @MethodSource("internalSamples")
    void writes_long_ids_as_json_strings(PlatformEvent sample) throws Exception {
        String json = codec.write(codec.wrap("evt-1", AT, sample));

        List<RecordComponent> ids = Arrays.stream(sample.getClass().getRecordComponents())
                .filter(c -> c.getType() == long.class || c.getType() == Long.class)
                .filter(c -> c.getName().endsWith("Id"))
                .toList();
        assertThat(ids).isNotEmpty();
        for (RecordComponent id : ids) {
            Object value = id.getAccessor().invoke(sample);
            assertThat(json).contains("\"" + id.getName() + "\":\"" + value + "\"");
        }
    }

    @Test
    void writes_an_absent_optional_id_as_null_and_reads_it_back() throws Exception {
        RelationBound topLevel = new RelationBound(BIG_ID, BIG_ID + 1, null, "LINK", AT);

        String json = codec.write(codec.wrap("evt-2", AT, topLevel));

        assertThat(json).contains("\"inviterL2Id\":null");
        assertThat(codec.payloadOf(codec.readEnvelope(json), RelationBound.class))
                .isEqualTo(topLevel);
    }

    @Test
    void reads_a_relation_bound_written_before_the_nickname_was_added() throws Exception {
        String json = codec.write(codec.wrap("evt-3", AT, new RelationBound(BIG_ID, BIG_ID + 1, null, "LINK", AT)))
                .replace(",\"userNickname\":null", "");

        assertThat(json).doesNotContain("userNickname");
        assertThat(codec.payloadOf(codec.readEnvelope(json), RelationBound.class)
                        .userNickname())
                .isNull();
    }

    @Test
    void refuses_to_read_a_payload_as_another_contract() {
        EventEnvelope bound = codec.wrap("evt-1", AT, new RelationBound(BIG_ID, BIG_ID + 1, null, "LINK", AT));

        assertThatThrownBy(() -> codec.payloadOf(bound, RelationUnbound.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("RELATION_UNBOUND");
    }

    @Test
    void refuses_to_read_a_payload_of_another_version() {
        EventEnvelope sent = codec.wrap("evt-1", AT, new MemberFlagged(BIG_ID, "spam", AT));
        EventEnvelope v2 =
                new EventEnvelope(sent.eventId(), sent.type(), 2, sent.occurredAt(), sent.key(), sent.payload());

        assertThatThrownBy(() -> codec.payloadOf(v2, MemberFlagged.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void ignores_envelope_and_payload_fields_it_does_not_know() throws Exception {
        CommissionSettled sample = new CommissionSettled(BIG_ID, "100001", BIG_ID + 1, 1_592, true, AT, AT, AT);
        EventEnvelope sent = codec.wrap("evt-1", AT, sample);
        ObjectNode wire = (ObjectNode) codec.mapper().readTree(codec.write(sent));
        wire.put("traceparent", "00-abc-def-01");
        ((ObjectNode) wire.get("payload")).put("settledBatch", "B-2026-11");
        ((ObjectNode) wire.get("payload")).putObject("future").put("x", 1);

        EventEnvelope received = codec.readEnvelope(wire.toString());

        assertThat(codec.payloadOf(received, CommissionSettled.class)).isEqualTo(sample);
    }

    @Test
    void reads_commission_events_written_before_fields_were_added() throws Exception {
        String created =
                """
                {"eventId":"evt-0","type":"COMMISSION_CREATED","version":1,"occurredAt":"2026-11-25T02:00:00Z",
                 "key":"7","payload":{"commissionId":"7","orderId":"100001","orderNo":"SO100001","promoterId":"8",
                 "buyerId":"9","level":1,"amountFen":1592,"status":"PENDING","createdAt":"2026-11-25T02:00:00Z"}}
                """;
        String reversed =
                """
                {"eventId":"evt-1","type":"COMMISSION_REVERSED","version":1,"occurredAt":"2026-11-25T02:00:00Z",
                 "key":"7","payload":{"commissionId":"7","orderId":"100001","refundId":"R1","promoterId":"8",
                 "amountFen":796,"reversedAt":"2026-11-25T02:00:00Z"}}
                """;

        CommissionCreated c = codec.payloadOf(codec.readEnvelope(created), CommissionCreated.class);
        CommissionReversed r = codec.payloadOf(codec.readEnvelope(reversed), CommissionReversed.class);

        assertThat(c.amountFen()).isEqualTo(1_592);
        assertThat(c.held()).isNull();
        assertThat(c.paidAt()).isNull();
        assertThat(r.amountFen()).isEqualTo(796);
        assertThat(r.remainingFen()).isNull();
        assertThat(c.recordVersion()).isNull();
        assertThat(c.products()).isNull();
        assertThat(r.origin()).isNull();
        assertThat(CommissionOrigin.fromSettlement(r.origin())).isFalse();
    }

    @Test
    void refuses_text_that_is_not_an_envelope() {
        for (String json : List.of("{", "[]", "{}", "null", "{\"eventId\":\"e\",\"type\":\"T\",\"version\":0}")) {
            assertThatThrownBy(() -> codec.readEnvelope(json)).as(json).isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void refuses_a_payload_whose_fields_have_the_wrong_shape() throws Exception {
        EventEnvelope sent = codec.wrap("evt-1", AT, new MemberFlagged(BIG_ID, "spam", AT));
        ObjectNode wire = (ObjectNode) codec.mapper().readTree(codec.write(sent));
        ((ObjectNode) wire.get("payload")).put("userId", "not-a-number");

        EventEnvelope received = codec.readEnvelope(wire.toString());

        assertThatThrownBy(() -> codec.payloadOf(received, MemberFlagged.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void has_a_sample_for_every_internal_contract() {
        Set<Class<?>> sampled = internalSamples().map(Object::getClass).collect(Collectors.toSet());

        List<Class<?>> contracts = INTERNAL_PACKAGES.stream()
                .flatMap(p -> classesIn(p).stream())
                .filter(c -> c.isAnnotationPresent(EventType.class))
                .toList();

        assertThat(contracts).as("contracts found on the class path").hasSizeGreaterThanOrEqualTo(14);
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(contracts);
    }

    @Test
    void gives_every_internal_contract_a_distinct_type() {
        List<String> types = internalSamples()
                .map(s -> s.getClass().getAnnotation(EventType.class).value())
                .toList();

        assertThat(types).doesNotHaveDuplicates();
    }

    /** Top-level classes of a package, read from its directory of class files. */
    private static List<Class<?>> classesIn(String packageName) {
        String dir = packageName.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(dir))) {
                assertThat(url.getProtocol())
                        .as("contracts are scanned from class directories")
                        .isEqualTo("file");
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                            classes.add(Class.forName(
                                    packageName + "." + name.substring(0, name.length() - ".class".length()),
                                    false,
                                    loader));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        assertThat(classes).as("classes in " + packageName).isNotEmpty();
        return classes;
    }
}
