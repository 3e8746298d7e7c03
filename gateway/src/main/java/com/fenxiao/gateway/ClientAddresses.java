package com.fenxiao.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the client is when proxies stand in front of the gateway (an ingress, a cloud load balancer):
 * starting from the peer address, every hop that is a configured trusted proxy is replaced by the
 * address it says it received the request from (the {@code X-Forwarded-For} entries, right to left),
 * and the first address that is not a trusted proxy is the client. Whatever the client itself wrote
 * further left is never read, so it cannot pose as another address. With no trusted proxy configured,
 * the peer address is the client.
 */
@ConfigurationProperties("platform.gateway.client-address")
public class ClientAddresses {

    /** The header the gateway sets on every forwarded request; never accepted from outside. */
    public static final String HEADER = "X-Client-Ip";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private List<String> trustedProxies = new ArrayList<>();
    private volatile List<Cidr> trusted;

    /** CIDR blocks (or single addresses) of the proxies in front of the gateway, e.g. {@code 10.0.0.0/8}. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
        this.trusted = null;
    }

    /** The client's address, or "unknown" without a peer address. */
    public String clientOf(InetSocketAddress peer, List<String> forwardedFor) {
        if (peer == null || peer.getAddress() == null) {
            return "unknown";
        }
        InetAddress current = peer.getAddress();
        List<String> hops = new ArrayList<>();
        if (forwardedFor != null) {
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0 && isTrusted(current); i--) {
            InetAddress next = literal(hops.get(i));
            if (next == null) {
                break; // a trusted proxy does not write garbage: stop at what it told us last
            }
            current = next;
        }
        return current.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        List<Cidr> blocks = trusted;
        if (blocks == null) {
            blocks = new ArrayList<>();
            for (String block : trustedProxies) {
                if (!block.isBlank()) {
                    blocks.add(Cidr.parse(block));
                }
            }
            trusted = blocks;
        }
        for (Cidr c : blocks) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal (never a name: nothing here may trigger a DNS look-up), or null. */
    static InetAddress literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!(IPV4.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches()))) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One CIDR block. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String block) {
            String b = block.strip();
            int slash = b.indexOf('/');
            InetAddress address = literal(slash < 0 ? b : b.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        "platform.gateway.client-address.trusted-proxies: not an address: " + block);
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(b.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "platform.gateway.client-address.trusted-proxies: bad prefix: " + block);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(
                        "platform.gateway.client-address.trusted-proxies: bad prefix: " + block);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
