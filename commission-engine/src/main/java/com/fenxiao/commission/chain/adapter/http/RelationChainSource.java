package com.fenxiao.commission.chain.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.ChainSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code GET {platform.relation.url}/internal/v1/chains?userIds=…} (relation-service's own endpoint,
 * never routed by the gateway), 100 users per call. Empty URL: no fallback.
 */
@Component
public class RelationChainSource implements ChainSource {

    private static final int PER_CALL = 100;

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    public RelationChainSource(
            @Value("${platform.relation.url:}") String baseUrl,
            @Value("${platform.relation.timeout:PT3S}") Duration timeout) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean available() {
        return !baseUrl.isEmpty();
    }

    @Override
    public Map<Long, Chain> lookUp(Collection<Long> userIds) {
        Map<Long, Chain> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(userIds);
        for (int from = 0; from < ids.size(); from += PER_CALL) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + PER_CALL));
            String query = part.stream().map(String::valueOf).collect(Collectors.joining(","));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/chains?userIds=" + query))
                    .timeout(timeout)
                    .GET()
                    .build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(
                            "relation-service answered " + answer.statusCode() + " to a chain look-up");
                }
                for (JsonNode item : json.readTree(answer.body()).path("items")) {
                    if (!item.path("known").asBoolean(false)) {
                        continue;
                    }
                    long userId = Long.parseLong(item.path("userId").asText());
                    out.put(
                            userId,
                            new Chain(userId, idOf(item.path("level1")), idOf(item.path("level2")), Instant.EPOCH));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("relation-service chain look-up failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a chain look-up", e);
            }
        }
        return out;
    }

    private static Long idOf(JsonNode promoter) {
        if (promoter == null || promoter.isMissingNode() || promoter.isNull()) {
            return null;
        }
        String id = promoter.path("userId").asText("");
        return id.isEmpty() ? null : Long.parseLong(id);
    }
}
