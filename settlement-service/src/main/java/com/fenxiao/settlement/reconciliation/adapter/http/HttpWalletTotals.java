package com.fenxiao.settlement.reconciliation.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.settlement.SettlementProperties;
import com.fenxiao.settlement.reconciliation.ReconciliationProperties;
import com.fenxiao.settlement.reconciliation.domain.WalletTotals;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code GET {wallet-url}/internal/v1/wallet-totals?promoterIds=1,2,…} on withdrawal-service, answered
 * with {@code [{"promoterId":"1","creditedFen":123}]} (ids as strings or numbers).
 */
@Component
class HttpWalletTotals implements WalletTotals {

    private final String baseUrl;
    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpWalletTotals(SettlementProperties settlement, ReconciliationProperties props, RestClient.Builder builder) {
        String url = settlement.getWalletUrl() == null
                ? ""
                : settlement.getWalletUrl().strip();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(props.getWalletTimeout()).build());
        factory.setReadTimeout(props.getWalletTimeout());
        this.http = builder.clone().requestFactory(factory).build();
    }

    @Override
    public boolean connected() {
        return !baseUrl.isEmpty();
    }

    @Override
    public Map<Long, Long> creditedFen(List<Long> promoterIds) throws WalletUnavailable {
        if (!connected()) {
            throw new WalletUnavailable("wallet-url is not configured", null);
        }
        Map<Long, Long> out = new HashMap<>();
        if (promoterIds.isEmpty()) {
            return out;
        }
        String ids = promoterIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        try {
            String body = http.get()
                    .uri(baseUrl + "/internal/v1/wallet-totals?promoterIds={ids}", ids)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(String.class);
            JsonNode answer = json.readTree(body == null ? "" : body);
            if (answer == null || !answer.isArray()) {
                throw new WalletUnavailable("wallet answered no JSON array", null);
            }
            for (JsonNode entry : answer) {
                JsonNode id = entry.get("promoterId");
                JsonNode fen = entry.get("creditedFen");
                if (id == null || fen == null || !fen.canConvertToLong()) {
                    throw new WalletUnavailable("wallet answered an entry without promoterId/creditedFen", null);
                }
                out.merge(Long.parseLong(id.asText()), fen.asLong(), Math::addExact);
            }
            return out;
        } catch (RestClientException | java.io.IOException | NumberFormatException e) {
            throw new WalletUnavailable("wallet totals request failed: " + e.getMessage(), e);
        }
    }
}
