package com.fenxiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static ClientAddresses trusting(String... blocks) {
        ClientAddresses a = new ClientAddresses();
        a.setTrustedProxies(List.of(blocks));
        return a;
    }

    private static InetSocketAddress peer(String ip) {
        return new InetSocketAddress(ClientAddresses.literal(ip), 40_000);
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_it_forwards() {
        ClientAddresses none = trusting();
        assertThat(none.clientOf(peer("198.51.100.7"), List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
        assertThat(none.clientOf(peer("10.0.0.5"), List.of("203.0.113.9"))).isEqualTo("10.0.0.5");
    }

    @Test
    void behind_a_trusted_load_balancer_the_first_untrusted_hop_from_the_right_is_the_client() {
        ClientAddresses lb = trusting("10.0.0.0/8", "192.168.1.10");
        // client 203.0.113.9 → ingress 192.168.1.10 → load balancer 10.0.0.5 → gateway
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of("203.0.113.9, 192.168.1.10")))
                .isEqualTo("203.0.113.9");
        // the client wrote its own X-Forwarded-For to pose as 1.2.3.4: the proxies appended after it
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of("1.2.3.4, 203.0.113.9", "192.168.1.10")))
                .isEqualTo("203.0.113.9");
        // two members behind the same load balancer keep their own addresses
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of("203.0.113.10"))).isEqualTo("203.0.113.10");
    }

    @Test
    void a_client_reaching_the_gateway_directly_cannot_pose_as_another_address() {
        ClientAddresses lb = trusting("10.0.0.0/8");
        assertThat(lb.clientOf(peer("198.51.100.7"), List.of("10.0.0.9, 1.2.3.4")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void garbage_and_host_names_in_the_header_stop_the_walk_at_the_last_proxy() {
        ClientAddresses lb = trusting("10.0.0.0/8");
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of("evil.example.com"))).isEqualTo("10.0.0.5");
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(lb.clientOf(peer("10.0.0.5"), List.of(""))).isEqualTo("10.0.0.5");
        assertThat(lb.clientOf(null, List.of("1.2.3.4"))).isEqualTo("unknown");
    }

    @Test
    void handles_ipv6_blocks_and_bracketed_hops() {
        ClientAddresses lb = trusting("fd00::/8", "10.1.2.0/23");
        assertThat(lb.clientOf(peer("fd00::1"), List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(lb.isTrusted(ClientAddresses.literal("10.1.3.255"))).isTrue();
        assertThat(lb.isTrusted(ClientAddresses.literal("10.1.4.0"))).isFalse();
        assertThat(lb.isTrusted(ClientAddresses.literal("2001:db8::1"))).isFalse();
    }

    @Test
    void refuses_a_malformed_trusted_block_at_first_use() {
        assertThatThrownBy(() -> trusting("10.0.0.0/33").isTrusted(ClientAddresses.literal("10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trusting("proxy.internal").isTrusted(ClientAddresses.literal("10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
