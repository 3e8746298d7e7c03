package com.fenxiao.withdrawal.payout.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.TransferBills;
import com.fenxiao.withdrawal.payout.domain.TransferOutcomeUnknown;
import com.fenxiao.withdrawal.payout.domain.TransferRefused;
import com.fenxiao.withdrawal.payout.domain.TransferRequest;
import com.wechat.pay.java.core.cipher.PrivacyEncryptor;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.HttpResponse;
import com.wechat.pay.java.core.http.JsonRequestBody;
import com.wechat.pay.java.core.http.JsonResponseBody;
import java.io.IOException;
import java.util.Optional;

/**
 * The transfer-bills API (商家转账, scene 1005 佣金报酬) through wechatpay-java's signed generic HTTP
 * client: it signs each request with the merchant key and verifies each answer's signature with the
 * WeChat Pay public key. Timeouts, I/O errors, 5xx, 429 and unverifiable answers are "unknown".
 */
public class WeChatTransferBills implements TransferBills {

    static final String CREATE = "/v3/fund-app/mch-transfer/transfer-bills";
    static final String BY_OUT_BILL_NO = "/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/";
    static final String SCENE_COMMISSION = "1005";

    private final HttpClient client;
    private final PrivacyEncryptor encryptor;
    private final WeChatPayProperties props;
    private final ObjectMapper json = new ObjectMapper();

    public WeChatTransferBills(HttpClient client, PrivacyEncryptor encryptor, WeChatPayProperties props) {
        this.client = client;
        this.encryptor = encryptor;
        this.props = props;
    }

    @Override
    public Bill create(TransferRequest r) throws TransferOutcomeUnknown, TransferRefused {
        ObjectNode body = json.createObjectNode()
                .put("appid", props.getAppid())
                .put("out_bill_no", r.outBillNo())
                .put("transfer_scene_id", SCENE_COMMISSION)
                .put("openid", r.openid())
                .put("transfer_amount", r.amountFen())
                .put("transfer_remark", r.remark())
                .put("user_recv_perception", "劳务报酬");
        if (props.getNotifyUrl() != null) {
            body.put("notify_url", props.getNotifyUrl());
        }
        ArrayNode reports = body.putArray("transfer_scene_report_infos");
        reports.addObject().put("info_type", "岗位类型").put("info_content", "推广员");
        reports.addObject().put("info_type", "报酬说明").put("info_content", "推广佣金");
        HttpRequest.Builder request = new HttpRequest.Builder()
                .httpMethod(HttpMethod.POST)
                .url(props.getBaseUrl() + CREATE)
                .addHeader("Accept", "application/json")
                .addHeader("Content-Type", "application/json");
        if (r.realName() != null) {
            body.put("user_name", encryptor.encrypt(r.realName()));
            request.addHeader("Wechatpay-Serial", encryptor.getWechatpaySerial());
        }
        request.body(new JsonRequestBody.Builder().body(body.toString()).build());
        try {
            return bill(call(request.build()));
        } catch (ServiceException e) {
            if (definiteRefusal(e)) {
                throw new TransferRefused(e.getErrorCode(), e.getErrorMessage());
            }
            throw unknown(e);
        } catch (RuntimeException | IOException e) {
            // includes answers whose signature or timestamp does not verify: never trusted, asked again
            throw unknown(e);
        }
    }

    @Override
    public Optional<Bill> query(String outBillNo) throws TransferOutcomeUnknown {
        HttpRequest request = new HttpRequest.Builder()
                .httpMethod(HttpMethod.GET)
                .url(props.getBaseUrl() + BY_OUT_BILL_NO + outBillNo)
                .addHeader("Accept", "application/json")
                .build();
        try {
            return Optional.of(bill(call(request)));
        } catch (ServiceException e) {
            if (e.getHttpStatusCode() == 404 || "NOT_FOUND".equals(e.getErrorCode())) {
                return Optional.empty();
            }
            throw unknown(e);
        } catch (RuntimeException | IOException e) {
            throw unknown(e);
        }
    }

    @Override
    public Bill cancel(String outBillNo) throws TransferOutcomeUnknown {
        HttpRequest request = new HttpRequest.Builder()
                .httpMethod(HttpMethod.POST)
                .url(props.getBaseUrl() + BY_OUT_BILL_NO + outBillNo + "/cancel")
                .addHeader("Accept", "application/json")
                .addHeader("Content-Type", "application/json")
                .body(new JsonRequestBody.Builder().body("{}").build())
                .build();
        try {
            return bill(call(request));
        } catch (ServiceException e) {
            if (definiteRefusal(e) && e.getHttpStatusCode() != 404) {
                // the bill is past cancelling (confirmed, closed, already cancelling): its state is the answer
                return query(outBillNo).orElseThrow(() -> unknown(e));
            }
            throw unknown(e);
        } catch (RuntimeException | IOException e) {
            throw unknown(e);
        }
    }

    private String call(HttpRequest request) {
        HttpResponse<Object> response = client.execute(request, Object.class);
        return response.getBody() instanceof JsonResponseBody b ? b.getBody() : "{}";
    }

    private Bill bill(String body) throws IOException {
        JsonNode n = json.readTree(body);
        return new Bill(
                n.path("out_bill_no").asText(null),
                n.path("state").asText(null),
                n.path("package_info").asText(null),
                n.path("fail_reason").asText(null));
    }

    private static boolean definiteRefusal(ServiceException e) {
        int status = e.getHttpStatusCode();
        return status >= 400 && status < 500 && status != 429;
    }

    private static TransferOutcomeUnknown unknown(Exception e) {
        String detail = e instanceof ServiceException s
                ? "HTTP " + s.getHttpStatusCode() + " " + s.getErrorCode()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TransferOutcomeUnknown(detail, e);
    }
}
