package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.idev.excel.FastExcel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.request.application.RequestWithdrawal;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SPEC §8 exports on the real stack through HTTP (wallet ledger, withdrawals with fee / tax / net,
 * monthly tax per person; CSV and XLSX; roles; refusals), and the wallet totals settlement's
 * invariant check reads, after created / settled / reversed events arrived through RocketMQ.
 * December 2025 in Beijing time is the export period; rows are written with the clock moved to just
 * inside and just outside its ends, and the clock is back at the present for every HTTP call (tokens
 * are checked against the service's clock).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ExportsIT.MovableClock.class)
class ExportsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECEMBER = "from=2025-12-01&to=2025-12-31";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, ExportsIT.class);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Clock.systemUTC().instant());
        }
    }

    @Autowired
    TestClock clock;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PostToWallet post;

    @Autowired
    RequestWithdrawal requestWithdrawal;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @AfterEach
    void backToThePresent() {
        clock.set(Clock.systemUTC().instant());
    }

    private static long newMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
    }

    /** Verified (at the present), then 4000.00 yuan released at the first instant of December (Beijing). */
    private Verified december(String name) throws Exception {
        long member = newMember();
        String idNumber = TestIdNumbers.adult();
        ResponseEntity<String> verified = member(
                HttpMethod.PUT,
                "/api/v1/me/identity",
                member,
                "{\"realName\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\"}");
        assertThat(verified.getStatusCode().value()).isEqualTo(200);
        JsonNode identity = JSON.readTree(verified.getBody());

        at("2025-11-30T15:59:59.999Z"); // 2025-11-30 23:59:59.999 in Beijing: outside
        post.post(member, EntryType.COMMISSION_CREATED, "exp-" + member + ":created", 400_000);
        at("2025-11-30T16:00:00Z"); // 2025-12-01 00:00:00 in Beijing: inside
        post.post(member, EntryType.COMMISSION_SETTLED, "exp-" + member + ":settled", 400_000);
        return new Verified(
                member,
                name,
                idNumber,
                identity.get("maskedName").asText(),
                identity.get("maskedIdNumber").asText());
    }

    record Verified(long member, String name, String idNumber, String maskedName, String maskedIdNumber) {}

    @Test
    void the_csv_exports_carry_a_bom_chinese_headers_and_every_row_of_the_period_to_the_fen() throws Exception {
        Verified a = december("王小明");
        at("2025-12-10T02:00:00Z");
        Withdrawal first = requestWithdrawal
                .request(a.member(), "exp-1", 300_000, Channel.WECHAT)
                .withdrawal();
        Withdrawal second = requestWithdrawal
                .request(a.member(), "exp-2", 100_000, Channel.BANK)
                .withdrawal();
        at("2025-12-31T15:59:59.999Z"); // the last millisecond of December in Beijing: inside
        post.post(a.member(), EntryType.COMMISSION_CREATED, "exp-" + a.member() + ":late", 1_234);
        at("2025-12-31T16:00:00Z"); // 2026-01-01 00:00 in Beijing: outside
        post.post(a.member(), EntryType.COMMISSION_CREATED, "exp-" + a.member() + ":january", 999);
        backToThePresent();

        // wallet ledger
        ResponseEntity<byte[]> ledger =
                staff("/admin/v1/exports/wallet-ledger?" + DECEMBER + "&format=csv", 11, StaffRole.FINANCE);
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        assertThat(ledger.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(ledger.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("wallet-ledger-2025-12-01-2025-12-31.csv");
        assertThat(Arrays.copyOf(ledger.getBody(), 3)).isEqualTo(BOM);
        List<String> lines = csvLines(ledger.getBody());
        assertThat(lines.get(0)).isEqualTo("记账时间,流水号,推广员ID,类型,类型代码,金额(元),来源,待结算变动(元),可用变动(元),冻结变动(元),已提现变动(元),欠款变动(元)");
        List<String[]> mine = rowsOf(lines, 2, a.member());
        assertThat(mine)
                .extracting(r -> r[6])
                .containsExactly(
                        "exp-" + a.member() + ":settled",
                        "withdrawal:" + first.id() + ":frozen",
                        "withdrawal:" + second.id() + ":frozen",
                        "exp-" + a.member() + ":late");
        assertThat(mine.get(0))
                .containsExactly(
                        "2025-12-01 00:00:00",
                        mine.get(0)[1],
                        Long.toString(a.member()),
                        "佣金结算入账",
                        "COMMISSION_SETTLED",
                        "4000.00",
                        "exp-" + a.member() + ":settled",
                        "-4000.00",
                        "4000.00",
                        "0.00",
                        "0.00",
                        "0.00");
        assertThat(mine.get(1)).startsWith("2025-12-10 10:00:00");
        assertThat(mine.get(1)[5]).isEqualTo("3000.00");
        assertThat(mine.get(1)[8]).isEqualTo("-3000.00");
        assertThat(mine.get(1)[9]).isEqualTo("3000.00");
        assertThat(mine.get(3)[0]).isEqualTo("2025-12-31 23:59:59");
        assertThat(mine.get(3)[5]).isEqualTo("12.34");

        // withdrawals: SPEC §7 per-payment tax, 3000 yuan → 440; then 1000 more in the month → 640 − 440 = 200
        ResponseEntity<byte[]> withdrawals = staff("/admin/v1/exports/withdrawals?" + DECEMBER, 12, StaffRole.OPS);
        assertThat(withdrawals.getStatusCode().value()).isEqualTo(200);
        List<String> wLines = csvLines(withdrawals.getBody());
        assertThat(wLines.get(0))
                .isEqualTo("提现单号,推广员ID,渠道,提现金额(元),手续费(元),代扣个税(元),实发金额(元),状态,状态代码,申请时间,到账时间,银行流水号,微信转账单号,计税方法");
        List<String[]> wMine = rowsOf(wLines, 1, a.member());
        assertThat(wMine).hasSize(2);
        assertThat(wMine.get(0))
                .containsExactly(
                        Long.toString(first.id()),
                        Long.toString(a.member()),
                        "微信零钱",
                        "3000.00",
                        "0.00",
                        "440.00",
                        "2560.00",
                        "审核中",
                        "REVIEWING",
                        "2025-12-10 10:00:00",
                        "",
                        "",
                        "",
                        "按次预扣(预扣率表二)");
        assertThat(wMine.get(1)[0]).isEqualTo(Long.toString(second.id()));
        assertThat(wMine.get(1)[2]).isEqualTo("银行卡");
        assertThat(Arrays.copyOfRange(wMine.get(1), 3, 7)).containsExactly("1000.00", "0.00", "200.00", "800.00");

        // tax: one line per person per month, masked only
        ResponseEntity<byte[]> tax = staff("/admin/v1/exports/tax?" + DECEMBER + "&format=CSV", 13, StaffRole.AUDITOR);
        assertThat(tax.getStatusCode().value()).isEqualTo(200);
        String taxText = new String(tax.getBody(), StandardCharsets.UTF_8);
        assertThat(taxText).doesNotContain(a.idNumber()).doesNotContain(a.name());
        List<String> tLines = csvLines(tax.getBody());
        assertThat(tLines.get(0)).isEqualTo("所属月份,推广员ID,姓名(脱敏),身份证号(脱敏),收入额(元),代扣个税(元),笔数,计税方法");
        assertThat(rowsOf(tLines, 1, a.member())).singleElement().satisfies(r -> assertThat(r)
                .containsExactly(
                        "2025-12",
                        Long.toString(a.member()),
                        a.maskedName(),
                        a.maskedIdNumber(),
                        "4000.00",
                        "640.00",
                        "2",
                        "按次预扣(预扣率表二)"));
        // a month outside the period has no line
        assertThat(rowsOf(
                        csvLines(staff("/admin/v1/exports/tax?from=2026-01-01&to=2026-01-31", 13, StaffRole.AUDITOR)
                                .getBody()),
                        1,
                        a.member()))
                .isEmpty();
    }

    @Test
    void the_xlsx_exports_are_real_workbooks_that_fastexcel_reads_back() throws Exception {
        Verified b = december("李晓红");
        at("2025-12-20T04:00:00Z");
        Withdrawal w = requestWithdrawal
                .request(b.member(), "x-1", 80_000, Channel.WECHAT)
                .withdrawal();
        backToThePresent();

        ResponseEntity<byte[]> xlsx =
                staff("/admin/v1/exports/withdrawals?" + DECEMBER + "&format=xlsx", 21, StaffRole.FINANCE);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(new String(xlsx.getBody(), 0, 2, StandardCharsets.ISO_8859_1))
                .isEqualTo("PK");
        List<Map<Integer, String>> sheet = readXlsx(xlsx.getBody());
        assertThat(sheet.get(0).get(0)).isEqualTo("提现单号");
        assertThat(sheet.get(0).get(6)).isEqualTo("实发金额(元)");
        Map<Integer, String> row = sheet.stream()
                .filter(r -> Long.toString(w.id()).equals(r.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(1)).isEqualTo(Long.toString(b.member())); // ids are text: no rounding
        assertThat(new BigDecimal(row.get(3))).isEqualByComparingTo("800.00");
        assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo("0"); // 800 yuan → 0 tax (SPEC §7)
        assertThat(new BigDecimal(row.get(6))).isEqualByComparingTo("800.00");

        ResponseEntity<byte[]> tax = staff("/admin/v1/exports/tax?" + DECEMBER + "&format=xlsx", 22, StaffRole.ADMIN);
        assertThat(new String(tax.getBody(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        List<Map<Integer, String>> taxSheet = readXlsx(tax.getBody());
        assertThat(taxSheet.get(0).get(3)).isEqualTo("身份证号(脱敏)");
        Map<Integer, String> person = taxSheet.stream()
                .filter(r -> Long.toString(b.member()).equals(r.get(1)))
                .findFirst()
                .orElseThrow();
        assertThat(person.get(2)).isEqualTo(b.maskedName());
        assertThat(person.get(3)).isEqualTo(b.maskedIdNumber());
        String everyCell = taxSheet.stream()
                .flatMap(r -> r.values().stream())
                .map(String::valueOf)
                .collect(Collectors.joining("|"));
        assertThat(everyCell).doesNotContain(b.idNumber()).doesNotContain(b.name());

        ResponseEntity<byte[]> ledger =
                staff("/admin/v1/exports/wallet-ledger?" + DECEMBER + "&format=xlsx", 23, StaffRole.AUDITOR);
        List<Map<Integer, String>> ledgerSheet = readXlsx(ledger.getBody());
        assertThat(ledgerSheet.stream().filter(r -> Long.toString(b.member()).equals(r.get(2))))
                .extracting(r -> r.get(4))
                .containsExactly("COMMISSION_SETTLED", "WITHDRAWAL_FROZEN");
    }

    @Test
    void only_staff_with_a_reading_role_export_and_bad_parameters_are_problems() throws Exception {
        long member = newMember();
        HttpHeaders asMember = new HttpHeaders();
        asMember.setBearerAuth(TestKeys.memberToken(member));
        for (String kind : List.of("wallet-ledger", "withdrawals", "tax")) {
            ResponseEntity<String> refused = http.exchange(
                    "/admin/v1/exports/" + kind + "?" + DECEMBER,
                    HttpMethod.GET,
                    new HttpEntity<>(asMember),
                    String.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getBody()).contains("FORBIDDEN");
            assertThat(http.getForEntity("/admin/v1/exports/" + kind + "?" + DECEMBER, String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }
        // operations reads withdrawals, not the ledger or personal tax data
        assertThat(staff("/admin/v1/exports/withdrawals?" + DECEMBER, 31, StaffRole.OPS)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(staff("/admin/v1/exports/tax?" + DECEMBER, 31, StaffRole.OPS)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(staff("/admin/v1/exports/wallet-ledger?" + DECEMBER, 31, StaffRole.OPS)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        for (String query : List.of(
                DECEMBER + "&format=pdf",
                "from=2025-13-01&to=2025-12-31",
                "from=2025/12/01&to=2025-12-31",
                "to=2025-12-31",
                "from=2025-12-31&to=2025-12-01",
                "from=2024-01-01&to=2025-12-31")) {
            ResponseEntity<byte[]> bad = staff("/admin/v1/exports/withdrawals?" + query, 32, StaffRole.FINANCE);
            assertThat(bad.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(bad.getBody());
            assertThat(problem.get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(problem.get("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
        }
    }

    @Test
    void wallet_totals_are_settled_credits_minus_reversals_to_the_fen_and_need_no_token() throws Exception {
        long c = newMember(), pendingOnly = newMember();
        long c1 = newCommission(), c2 = newCommission(), c3 = newCommission();
        Instant at = Instant.parse("2026-11-25T02:00:00Z");
        publish("c1-created", created(c1, c, 10_001, at));
        publish("c1-settled", new CommissionSettled(c1, "O1", c, 10_001, false, at, at, at));
        publish("c2-created", created(c2, c, 5_000, at));
        publish("c2-settled", new CommissionSettled(c2, "O2", c, 5_000, false, at, at, at));
        CommissionReversed refund = new CommissionReversed(
                c1, "O1", "R1", c, 3_003, at, 6_998L, "SETTLED", List.of(), 3, CommissionOrigin.SETTLEMENT);
        publish("c1-reversed", refund);
        publish("c1-reversed-again", refund); // the same refund announced twice reverses once
        publish("p-created", created(c3, pendingOnly, 777, at)); // pending only: nothing credited
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(balancesOf.of(c)).contains(new Balances(0, 11_998, 0, 0, 0));
                    assertThat(balancesOf.of(pendingOnly)).contains(new Balances(777, 0, 0, 0, 0));
                });

        ResponseEntity<String> answer =
                http.getForEntity("/internal/v1/wallet-totals?promoterIds=" + c + "," + pendingOnly, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode totals = JSON.readTree(answer.getBody());
        assertThat(totals.isArray()).isTrue();
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).get("promoterId").asText()).isEqualTo(Long.toString(c));
        assertThat(totals.get(0).get("promoterId").isTextual()).isTrue();
        assertThat(totals.get(0).get("creditedFen").asLong()).isEqualTo(10_001 + 5_000 - 3_003);

        // a withdrawal moves available money, not what settlement credited
        post.post(c, EntryType.WITHDRAWAL_FROZEN, "totals-" + c + ":frozen", 1_000);
        assertThat(JSON.readTree(http.getForObject("/internal/v1/wallet-totals?promoterIds=" + c, String.class))
                        .get(0)
                        .get("creditedFen")
                        .asLong())
                .isEqualTo(11_998);

        for (String bad : List.of(
                "promoterIds=1,x",
                "promoterIds=",
                "",
                "promoterIds="
                        + LongStream.rangeClosed(1, 201)
                                .mapToObj(Long::toString)
                                .collect(Collectors.joining(",")))) {
            ResponseEntity<String> refused = http.getForEntity("/internal/v1/wallet-totals?" + bad, String.class);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(refused.getBody()).contains("INVALID_PARAMETER");
        }
        assertThat(http.getForEntity(
                                "/internal/v1/wallet-totals?promoterIds="
                                        + LongStream.rangeClosed(1, 200)
                                                .mapToObj(Long::toString)
                                                .collect(Collectors.joining(",")),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private static long newCommission() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    private static CommissionCreated created(long commission, long promoter, long amountFen, Instant at) {
        return new CommissionCreated(
                commission, "O", "SO", promoter, 42, 1, amountFen, "PENDING", at, false, null, at, null, List.of(), 1);
    }

    private void publish(String prefix, PlatformEvent event) throws Exception {
        EventEnvelope envelope =
                codec.wrap(prefix + "-" + UUID.randomUUID(), Instant.parse("2026-11-25T02:00:00Z"), event);
        publisher.send(new Outgoing(Topics.COMMISSION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private ResponseEntity<String> member(HttpMethod method, String path, long member, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<byte[]> staff(String path, long staffId, StaffRole role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.staffToken(staffId, role));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** The lines after the BOM (simple cells only: these exports have no quoted commas). */
    private static List<String> csvLines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return List.of(text.substring(1).split("\r\n"));
    }

    private static List<String[]> rowsOf(List<String> lines, int promoterColumn, long promoter) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[promoterColumn].equals(Long.toString(promoter))) {
                out.add(cells);
            }
        }
        return out;
    }

    private static List<Map<Integer, String>> readXlsx(byte[] body) {
        return FastExcel.read(new ByteArrayInputStream(body))
                .sheet()
                .headRowNumber(0)
                .doReadSync();
    }
}
