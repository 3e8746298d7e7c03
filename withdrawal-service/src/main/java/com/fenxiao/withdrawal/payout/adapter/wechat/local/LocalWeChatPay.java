package com.fenxiao.withdrawal.payout.adapter.wechat.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fenxiao.withdrawal.payout.adapter.wechat.WeChatPayProperties;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LOCAL AND TEST ONLY: a WeChat Pay transfer-bills server speaking the real protocol, for the tests and
 * the {@code local} profile ({@link LocalWeChatPayConfiguration}; a production profile refuses to start
 * with it). It checks each request's WECHATPAY2-SHA256-RSA2048 signature against the merchant public
 * key, signs each answer with its platform key (Wechatpay-Signature / -Serial / -Timestamp / -Nonce),
 * and sends callbacks whose resource is AEAD_AES_256_GCM-encrypted with the APIv3 key. Every key is
 * generated when it starts; nothing here is a real credential. It listens on a free port of 127.0.0.1.
 * It can be told to time out, to fail a bill, to close a bill its member never confirmed ({@link #expire},
 * WeChat's 24 h limit), to let the member confirm through {@link #requestMerchantTransfer}; a cancel is
 * accepted as CANCELING and completes to CANCELLED (at the next query, or when told); a bill past
 * cancelling answers 400 INVALID_REQUEST. Callbacks can be sent twice, forged or stale. With
 * {@link #autoConfirmAfter} set, each new bill waits for the member's confirmation (WAIT_USER_CONFIRM
 * with a package) that long, then the fake "member" confirms it and the success callback is sent to
 * the bill's notify_url (or {@link #defaultNotifyUrl}).
 */
public final class LocalWeChatPay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalWeChatPay.class);

    public static final String MCH_ID = "1900000001";
    public static final String APPID = "wx-test-appid";
    public static final String MERCHANT_SERIAL = "TEST-MERCHANT-SERIAL";
    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_TEST_0001";
    private static final Pattern AUTH = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** package_info of a waiting bill is this prefix and the out-bill number. */
    public static final String PACKAGE_PREFIX = "fake-package-";

    private static final String BILLS = "/v3/fund-app/mch-transfer/transfer-bills";

    public enum NextCreate {
        NORMAL,
        TIME_OUT,
        FAIL
    }

    public static final class FakeBill {
        public final String outBillNo;
        public final long amountFen;
        public final String openid;
        public volatile String state;
        public volatile String failReason;
        public final AtomicInteger timesPaid = new AtomicInteger();
        /** The notify_url of the create request, if it had one. */
        public final String notifyUrl;

        FakeBill(String outBillNo, long amountFen, String openid, String state, String notifyUrl) {
            this.outBillNo = outBillNo;
            this.amountFen = amountFen;
            this.openid = openid;
            this.state = state;
            this.notifyUrl = notifyUrl;
        }
    }

    private final KeyPair merchant = rsa();
    private final KeyPair platform = rsa();
    private final String apiV3Key = UUID.randomUUID().toString().replace("-", "");
    private final ServerSocket server;
    private final ExecutorService workers;
    private final ScheduledExecutorService member;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newHttpClient();

    public final Map<String, FakeBill> bills = new ConcurrentHashMap<>();
    public final AtomicInteger createCalls = new AtomicInteger();
    public final AtomicInteger queryCalls = new AtomicInteger();
    public final AtomicInteger cancelCalls = new AtomicInteger();
    public final AtomicInteger signatureFailures = new AtomicInteger();
    public volatile NextCreate nextCreate = NextCreate.NORMAL;
    public volatile long timeoutMillis = 2_500;
    /** Where callback timestamps come from (the service's clock). */
    public volatile Supplier<Instant> noticeClock = Clock.systemUTC()::instant;
    /**
     * When set (positive), the fake member confirms each new bill this long after its creation and the
     * success callback is sent; null: bills wait for {@link #confirm} (tests) or the service's expiry.
     */
    public volatile Duration autoConfirmAfter;
    /** When set, an accepted cancellation stays CANCELING until {@link #completeCancellation} (else: next query). */
    public volatile boolean holdCancellations;
    /** Where callbacks go when the bill's create request named no notify_url. */
    public volatile String defaultNotifyUrl;

    private LocalWeChatPay() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-wechatpay");
            t.setDaemon(true);
            return t;
        });
        member = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-wechatpay-member");
            t.setDaemon(true);
            return t;
        });
        workers.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    workers.submit(() -> serve(socket));
                } catch (IOException e) {
                    return null;
                }
            }
            return null;
        });
    }

    /** A request as the fake reads it off the socket (one request per connection). */
    private static final class HttpExchange {
        String method;
        URI uri;
        final Map<String, String> headers = new HashMap<>();
        byte[] body;
        OutputStream out;

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpExchange ex = new HttpExchange();
            String[] requestLine = line(in).split(" ");
            ex.method = requestLine[0];
            ex.uri = URI.create(requestLine[1]);
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                ex.headers.put(
                        l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        l.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(ex.headers.getOrDefault("content-length", "0"));
            ex.body = in.readNBytes(length);
            ex.out = socket.getOutputStream();
            handle(ex);
        } catch (IOException | RuntimeException e) {
            // connection dropped
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                buf.write(c);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    public static LocalWeChatPay start() {
        try {
            return new LocalWeChatPay();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The service's platform.wechatpay.* settings pointing at this server. */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("platform.wechatpay.enabled", "true");
        p.put("platform.wechatpay.base-url", baseUrl());
        p.put("platform.wechatpay.appid", APPID);
        p.put("platform.wechatpay.mch-id", MCH_ID);
        p.put("platform.wechatpay.merchant-serial-number", MERCHANT_SERIAL);
        p.put(
                "platform.wechatpay.private-key",
                pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
        p.put(
                "platform.wechatpay.public-key",
                pem("PUBLIC KEY", platform.getPublic().getEncoded()));
        p.put("platform.wechatpay.public-key-id", PUBLIC_KEY_ID);
        p.put("platform.wechatpay.api-v3-key", apiV3Key);
        p.put("platform.wechatpay.read-timeout", "1s");
        return p;
    }

    /** Points the service's {@code platform.wechatpay.*} settings at this server. */
    public void applyTo(WeChatPayProperties p) {
        p.setEnabled(true);
        p.setBaseUrl(baseUrl());
        p.setAppid(APPID);
        p.setMchId(MCH_ID);
        p.setMerchantSerialNumber(MERCHANT_SERIAL);
        p.setPrivateKey(pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
        p.setPublicKey(pem("PUBLIC KEY", platform.getPublic().getEncoded()));
        p.setPublicKeyId(PUBLIC_KEY_ID);
        p.setApiV3Key(apiV3Key);
    }

    /**
     * The member confirmed in the mini-program and the money arrived (once: a second call changes nothing).
     * Only a bill waiting for its member can be confirmed: a closed, cancelled or failed one cannot.
     */
    public boolean confirm(String outBillNo) {
        FakeBill b = bills.get(outBillNo);
        synchronized (b) {
            if ("WAIT_USER_CONFIRM".equals(b.state)) {
                b.state = "SUCCESS";
                b.timesPaid.incrementAndGet();
                return true;
            }
            return false;
        }
    }

    /**
     * The member's {@code wx.requestMerchantTransfer({mchId, appId, package})} and confirmation: answers the
     * errMsg the mini-program would get ({@code requestMerchantTransfer:ok} once the bill is confirmed).
     */
    public String requestMerchantTransfer(String mchId, String appId, String packageInfo) {
        if (!MCH_ID.equals(mchId) || !APPID.equals(appId) || packageInfo == null) {
            return "requestMerchantTransfer:fail invalid params";
        }
        if (!packageInfo.startsWith(PACKAGE_PREFIX)
                || !bills.containsKey(packageInfo.substring(PACKAGE_PREFIX.length()))) {
            return "requestMerchantTransfer:fail invalid package";
        }
        return confirm(packageInfo.substring(PACKAGE_PREFIX.length()))
                ? "requestMerchantTransfer:ok"
                : "requestMerchantTransfer:fail bill is not waiting for confirmation";
    }

    /**
     * WeChat Pay's own limit: a bill the member did not confirm within 24 h is closed (CANCELLED) and its
     * funds go back to the merchant. False when the bill was no longer waiting (nothing changed).
     */
    public boolean expire(String outBillNo) {
        FakeBill b = bills.get(outBillNo);
        synchronized (b) {
            if ("WAIT_USER_CONFIRM".equals(b.state) || "ACCEPTED".equals(b.state)) {
                b.state = "CANCELLED";
                return true;
            }
            return false;
        }
    }

    /** A cancellation accepted (CANCELING) completes to CANCELLED; when held, it stays CANCELING until this. */
    public void completeCancellation(String outBillNo) {
        FakeBill b = bills.get(outBillNo);
        synchronized (b) {
            if ("CANCELING".equals(b.state)) {
                b.state = "CANCELLED";
            }
        }
    }

    public void fail(String outBillNo, String reason) {
        FakeBill b = bills.get(outBillNo);
        b.state = "FAIL";
        b.failReason = reason;
    }

    /** Sends the bill's current state as a signed, encrypted callback. */
    public HttpResponse<String> notify(String url, String outBillNo) throws Exception {
        return notify(url, outBillNo, noticeClock.get(), platform.getPrivate());
    }

    /** A callback signed by someone else's key. */
    public HttpResponse<String> notifyForged(String url, String outBillNo) throws Exception {
        return notify(url, outBillNo, noticeClock.get(), rsa().getPrivate());
    }

    /** A correctly signed callback with an old timestamp (a replay). */
    public HttpResponse<String> notifyStale(String url, String outBillNo, Instant at) throws Exception {
        return notify(url, outBillNo, at, platform.getPrivate());
    }

    private HttpResponse<String> notify(String url, String outBillNo, Instant at, PrivateKey signer) throws Exception {
        FakeBill b = bills.get(outBillNo);
        ObjectNode resource = json.createObjectNode()
                .put("out_bill_no", b.outBillNo)
                .put("transfer_bill_no", "T" + b.outBillNo)
                .put("state", b.state)
                .put("mch_id", MCH_ID)
                .put("transfer_amount", b.amountFen)
                .put("openid", b.openid)
                .put("create_time", "2026-11-25T10:00:00+08:00")
                .put("update_time", "2026-11-25T10:01:00+08:00");
        if (b.failReason != null) {
            resource.put("fail_reason", b.failReason);
        }
        String nonce = nonce(12);
        String associated = "mch_payment";
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder()
                .encodeToString(cipher.doFinal(resource.toString().getBytes(StandardCharsets.UTF_8)));
        ObjectNode body = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("create_time", "2026-11-25T10:01:00+08:00")
                .put("resource_type", "encrypt-resource")
                .put("event_type", "MCHTRANSFER.BILL.FINISHED")
                .put("summary", "商家转账单据终态通知");
        body.putObject("resource")
                .put("original_type", "mch_payment")
                .put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", ciphertext)
                .put("associated_data", associated)
                .put("nonce", nonce);
        String text = body.toString();
        String ts = Long.toString(at.getEpochSecond());
        String headerNonce = nonce(32);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Wechatpay-Serial", PUBLIC_KEY_ID)
                .header("Wechatpay-Timestamp", ts)
                .header("Wechatpay-Nonce", headerNonce)
                .header("Wechatpay-Signature", sign(signer, ts + "\n" + headerNonce + "\n" + text + "\n"))
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String body = new String(ex.body, StandardCharsets.UTF_8);
            URI uri = ex.uri;
            String canonical = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (!verifiesMerchantSignature(ex.method, canonical, body, ex)) {
                signatureFailures.incrementAndGet();
                respond(ex, 401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}");
                return;
            }
            String path = uri.getPath();
            if (ex.method.equals("POST") && path.equals(BILLS)) {
                create(ex, json.readTree(body));
            } else if (ex.method.equals("GET") && path.startsWith(BILLS + "/out-bill-no/")) {
                queryCalls.incrementAndGet();
                FakeBill b = bills.get(path.substring((BILLS + "/out-bill-no/").length()));
                if (b == null) {
                    respond(ex, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"记录不存在\"}");
                } else {
                    if (!holdCancellations) {
                        completeCancellation(b.outBillNo); // WeChat Pay finishes a cancellation shortly after
                    }
                    respond(ex, 200, view(b).toString());
                }
            } else if (ex.method.equals("POST") && path.endsWith("/cancel")) {
                cancelCalls.incrementAndGet();
                String no = path.substring((BILLS + "/out-bill-no/").length(), path.length() - "/cancel".length());
                FakeBill b = bills.get(no);
                if (b == null) {
                    respond(ex, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"记录不存在\"}");
                    return;
                }
                boolean accepted;
                synchronized (b) {
                    accepted = "WAIT_USER_CONFIRM".equals(b.state)
                            || "ACCEPTED".equals(b.state)
                            || "CANCELING".equals(b.state);
                    if (accepted) {
                        b.state = "CANCELING"; // accepted only: the bill is CANCELLED asynchronously
                    }
                }
                if (!accepted) {
                    respond(ex, 400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"当前单据状态不支持撤销\"}");
                    return;
                }
                respond(
                        ex,
                        200,
                        json.createObjectNode()
                                .put("out_bill_no", b.outBillNo)
                                .put("transfer_bill_no", "T" + b.outBillNo)
                                .put("state", b.state)
                                .put("update_time", "2026-11-25T10:02:00+08:00")
                                .toString());
            } else {
                respond(ex, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such API\"}");
            }
        } catch (Exception e) {
            respond(
                    ex,
                    500,
                    "{\"code\":\"SYSTEM_ERROR\",\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void create(HttpExchange ex, JsonNode req) throws Exception {
        createCalls.incrementAndGet();
        String no = req.path("out_bill_no").asText();
        if (!"1005".equals(req.path("transfer_scene_id").asText())
                || req.path("transfer_scene_report_infos").size() != 2
                || !APPID.equals(req.path("appid").asText())) {
            respond(ex, 400, "{\"code\":\"PARAM_ERROR\",\"message\":\"参数错误\"}");
            return;
        }
        NextCreate mode = nextCreate;
        nextCreate = NextCreate.NORMAL;
        FakeBill b = bills.computeIfAbsent(
                no,
                k -> new FakeBill(
                        k,
                        req.path("transfer_amount").asLong(),
                        req.path("openid").asText(),
                        mode == NextCreate.FAIL ? "FAIL" : "WAIT_USER_CONFIRM",
                        req.path("notify_url").asText(null)));
        if (mode == NextCreate.FAIL) {
            b.failReason = "PAYEE_ACCOUNT_ABNORMAL";
        }
        if (mode == NextCreate.NORMAL) {
            confirmLater(b);
        }
        if (mode == NextCreate.TIME_OUT) {
            Thread.sleep(timeoutMillis); // the bill exists, the caller never hears of it
        }
        respond(ex, 200, view(b).toString());
    }

    /** The local profile's member: confirms a waiting bill after {@link #autoConfirmAfter} and says so. */
    private void confirmLater(FakeBill b) {
        Duration after = autoConfirmAfter;
        if (after == null || after.isNegative() || after.isZero() || member.isShutdown()) {
            return;
        }
        member.schedule(
                () -> {
                    if (!"WAIT_USER_CONFIRM".equals(b.state)) {
                        return; // cancelled, failed or confirmed meanwhile
                    }
                    confirm(b.outBillNo);
                    String url = b.notifyUrl != null ? b.notifyUrl : defaultNotifyUrl;
                    if (url == null) {
                        log.info(
                                "fake WeChat Pay: bill {} confirmed; no notify url, the sync job will see it",
                                b.outBillNo);
                        return;
                    }
                    try {
                        int status = notify(url, b.outBillNo).statusCode();
                        log.info("fake WeChat Pay: bill {} confirmed, callback answered {}", b.outBillNo, status);
                    } catch (Exception e) {
                        log.warn(
                                "fake WeChat Pay: callback for bill {} failed, the sync job will see it: {}",
                                b.outBillNo,
                                e.toString());
                    }
                },
                after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private ObjectNode view(FakeBill b) {
        ObjectNode n = json.createObjectNode()
                .put("out_bill_no", b.outBillNo)
                .put("transfer_bill_no", "T" + b.outBillNo)
                .put("create_time", "2026-11-25T10:00:00+08:00")
                .put("state", b.state)
                .put("transfer_amount", b.amountFen);
        if ("WAIT_USER_CONFIRM".equals(b.state)) {
            n.put("package_info", PACKAGE_PREFIX + b.outBillNo);
        }
        if (b.failReason != null) {
            n.put("fail_reason", b.failReason);
        }
        return n;
    }

    private boolean verifiesMerchantSignature(String method, String url, String body, HttpExchange ex) {
        String auth = ex.header("Authorization");
        if (auth == null || !auth.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> parts = new HashMap<>();
        Matcher m = AUTH.matcher(auth);
        while (m.find()) {
            parts.put(m.group(1), m.group(2));
        }
        if (!MCH_ID.equals(parts.get("mchid")) || !MERCHANT_SERIAL.equals(parts.get("serial_no"))) {
            return false;
        }
        String message = method + "\n" + url + "\n" + parts.get("timestamp") + "\n" + parts.get("nonce_str") + "\n"
                + body + "\n";
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(merchant.getPublic());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(parts.get("signature")));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // the SDK checks answers against the wall clock (not the service's Clock), so they are signed with it
        String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
        String nonce = nonce(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Content-Length", Integer.toString(bytes.length));
        headers.put("Connection", "close");
        headers.put("Request-ID", UUID.randomUUID().toString());
        headers.put("Wechatpay-Serial", PUBLIC_KEY_ID);
        headers.put("Wechatpay-Timestamp", ts);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", sign(platform.getPrivate(), ts + "\n" + nonce + "\n" + body + "\n"));
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + (status < 300 ? "OK" : "ERROR") + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try {
            ex.out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            ex.out.write(bytes);
            ex.out.flush();
        } catch (IOException e) {
            // the client gave up (timeout test)
        }
    }

    private static String sign(PrivateKey key, String message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nonce(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        workers.shutdownNow();
        member.shutdownNow();
    }
}
