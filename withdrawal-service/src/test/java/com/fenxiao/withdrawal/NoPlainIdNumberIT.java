package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SPEC §6: an ID number is only ever shown masked. After verifying, refusing a second account, a
 * wrong check digit and a withdrawal, neither any row of any table of any shard, nor the captured
 * logs, nor any HTTP answer contains the number or the full name.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoPlainIdNumberIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, NoPlainIdNumberIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    PhysicalDatabases databases;

    @Autowired
    PostToWallet post;

    @Test
    void the_id_number_is_in_no_row_no_log_line_and_no_http_answer(CapturedOutput output) throws Exception {
        String id = TestIdNumbers.adult();
        String name = "赵小六";
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        long other = member + 1;
        String identity = "{\"realName\":\"" + name + "\",\"idNumber\":\"" + id + "\"}";
        List<String> answers = new ArrayList<>();

        answers.add(call(HttpMethod.PUT, "/api/v1/me/identity", member, identity, null));
        answers.add(call(HttpMethod.PUT, "/api/v1/me/identity", member, identity, null)); // repeated
        answers.add(call(HttpMethod.PUT, "/api/v1/me/identity", other, identity, null)); // another account
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        answers.add(call(
                HttpMethod.PUT,
                "/api/v1/me/identity",
                other,
                "{\"realName\":\"" + name + "\",\"idNumber\":\"" + id.substring(0, 17) + wrong + "\"}",
                null));
        answers.add(call(
                HttpMethod.PUT, "/api/v1/me/identity", other, "{\"realName\":\"" + name + "\",\"idNumber\":", null));
        answers.add(call(HttpMethod.GET, "/api/v1/me/identity", member, null, null));
        post.post(member, EntryType.COMMISSION_CREATED, "pii:created", 5_000);
        post.post(member, EntryType.COMMISSION_SETTLED, "pii:settled", 5_000);
        answers.add(call(
                HttpMethod.POST,
                "/api/v1/me/withdrawals",
                member,
                "{\"amountFen\":1000,\"channel\":\"WECHAT\"}",
                "pii"));
        answers.add(call(HttpMethod.GET, "/api/v1/me/withdrawals", member, null, null));

        assertThat(answers.get(0)).contains("\"verified\":true").contains(id.substring(0, 2) + "**************");
        assertThat(answers.get(2)).contains("IDENTITY_ALREADY_BOUND");
        assertThat(answers.get(3)).contains("IDENTITY_ID_NUMBER_CHECK_FAILED");
        String middle = id.substring(2, 16);
        for (String answer : answers) {
            assertThat(answer).doesNotContain(id).doesNotContain(middle).doesNotContain(name);
        }
        assertThat(output.getAll()).doesNotContain(id).doesNotContain(middle).doesNotContain(name);

        int rows = 0;
        for (Map.Entry<String, DataSource> db : databases.byName().entrySet()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.getValue());
            for (String table : jdbc.queryForList("SHOW TABLES", String.class)) {
                for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM `" + table + "`")) {
                    rows++;
                    for (Object value : row.values()) {
                        String text = String.valueOf(value);
                        assertThat(text)
                                .as("%s.%s", db.getKey(), table)
                                .doesNotContain(id)
                                .doesNotContain(middle)
                                .doesNotContain(name);
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(5); // the identity, its claim, the withdrawal, its ledger and outbox rows
    }

    private String call(HttpMethod method, String path, long member, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.add("Idempotency-Key", key);
        }
        return String.valueOf(http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
                .getBody());
    }
}
