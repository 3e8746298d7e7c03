package com.fenxiao.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the paths abuse aims at (login, binding, withdrawal): each rule counts requests per
 * caller IP or per member in a fixed window held in Redis, shared by every gateway instance.
 */
@ConfigurationProperties("platform.gateway.rate-limits")
public class RateLimitProperties {

    private boolean enabled = true;
    private List<Rule> rules = new ArrayList<>();

    public enum KeyBy {
        IP,
        MEMBER
    }

    public static class Rule {
        private String name;
        /** Exact path, or a prefix ending in {@code /**}. */
        private String path;
        /** Empty means every method. */
        private Set<String> methods = Set.of();

        private KeyBy keyBy = KeyBy.IP;
        private int limit;
        private Duration window = Duration.ofMinutes(1);

        boolean matches(String method, String requestPath) {
            boolean pathMatches = path.endsWith("/**")
                    ? requestPath.startsWith(path.substring(0, path.length() - 3))
                    : requestPath.equals(path);
            return pathMatches && (methods.isEmpty() || methods.contains(method));
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public Set<String> getMethods() {
            return methods;
        }

        public void setMethods(Set<String> methods) {
            this.methods = methods;
        }

        public KeyBy getKeyBy() {
            return keyBy;
        }

        public void setKeyBy(KeyBy keyBy) {
            this.keyBy = keyBy;
        }

        public int getLimit() {
            return limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<Rule> getRules() {
        return rules;
    }

    public void setRules(List<Rule> rules) {
        this.rules = rules;
    }
}
