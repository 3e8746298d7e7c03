package com.fenxiao.commission.ingestion.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.integration.*}: order systems that post over HTTP, each with its own shared secret
 * ({@code platform.integration.clients.<client-id>.secret}, from the environment), and the replay window.
 */
@ConfigurationProperties("platform.integration")
public class IntegrationProperties {

    private Map<String, Client> clients = new LinkedHashMap<>();
    private Duration replayWindow = Duration.ofMinutes(5);
    private int maxBodyBytes = 512 * 1024;

    public static class Client {
        private String secret;

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }

    public Map<String, Client> getClients() {
        return clients;
    }

    public void setClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    public Duration getReplayWindow() {
        return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
        this.replayWindow = replayWindow;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Secrets by client id; a configured client with a short secret stops the service from starting. */
    public Map<String, String> secrets() {
        Map<String, String> out = new LinkedHashMap<>();
        clients.forEach((id, client) -> {
            if (client.getSecret() == null || client.getSecret().length() < 16) {
                throw new IllegalStateException("platform.integration.clients." + id + ".secret must be ≥ 16 chars");
            }
            out.put(id, client.getSecret());
        });
        return out;
    }
}
