package com.fenxiao.relation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything an operator tunes in relation-service (SPEC §3: every threshold is configuration). */
@ConfigurationProperties("platform.relation")
public class RelationProperties {

    /** 6 to 8 characters. */
    private int inviteCodeLength = 7;
    /**
     * Where members reach the platform (the gateway's public origin). The invite link is the H5 promoter
     * center under it with the code in the one parameter the H5 reads: {@code <base>/h5/?invite=<code>}.
     */
    private String publicBaseUrl = "https://m.fenxiao.dev";
    /** How long after binding a member may unbind themselves (once). */
    private Duration coolingOff = Duration.ofDays(7);
    /** At most this many user ids per chain look-up. */
    private int chainLookupMax = 200;

    private final Risk risk = new Risk();
    private final Cache cache = new Cache();

    public static class Risk {
        private int devicePerWindow = 3;
        private Duration deviceWindow = Duration.ofHours(24);
        private int ipPerWindow = 10;
        private Duration ipWindow = Duration.ofHours(1);
        private int inviterBindings = 50;
        private Duration inviterWindow = Duration.ofHours(1);

        public int getDevicePerWindow() {
            return devicePerWindow;
        }

        public void setDevicePerWindow(int devicePerWindow) {
            this.devicePerWindow = devicePerWindow;
        }

        public Duration getDeviceWindow() {
            return deviceWindow;
        }

        public void setDeviceWindow(Duration deviceWindow) {
            this.deviceWindow = deviceWindow;
        }

        public int getIpPerWindow() {
            return ipPerWindow;
        }

        public void setIpPerWindow(int ipPerWindow) {
            this.ipPerWindow = ipPerWindow;
        }

        public Duration getIpWindow() {
            return ipWindow;
        }

        public void setIpWindow(Duration ipWindow) {
            this.ipWindow = ipWindow;
        }

        public int getInviterBindings() {
            return inviterBindings;
        }

        public void setInviterBindings(int inviterBindings) {
            this.inviterBindings = inviterBindings;
        }

        public Duration getInviterWindow() {
            return inviterWindow;
        }

        public void setInviterWindow(Duration inviterWindow) {
            this.inviterWindow = inviterWindow;
        }
    }

    public static class Cache {
        private String keyPrefix = "fx:relation:";
        private Duration ttl = Duration.ofMinutes(30);

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }

    public int getInviteCodeLength() {
        return inviteCodeLength;
    }

    public void setInviteCodeLength(int inviteCodeLength) {
        this.inviteCodeLength = inviteCodeLength;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    public Duration getCoolingOff() {
        return coolingOff;
    }

    public void setCoolingOff(Duration coolingOff) {
        this.coolingOff = coolingOff;
    }

    public int getChainLookupMax() {
        return chainLookupMax;
    }

    public void setChainLookupMax(int chainLookupMax) {
        this.chainLookupMax = chainLookupMax;
    }

    public Risk getRisk() {
        return risk;
    }

    public Cache getCache() {
        return cache;
    }
}
