package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, hardening behind a proxy: whose address the sign-in limit and the access log see.
 *
 * <pre>
 * client 203.0.113.7 --> proxy 10.0.0.2 --> proxy 127.0.0.1 --> Truce
 *                         X-Forwarded-For: [what the client wrote], 203.0.113.7, 10.0.0.2
 * </pre>
 */
class ClientAddressTest {

    private final ClientAddress behindTwoProxies = ClientAddress.trusting(Set.of("127.0.0.1", "10.0.0.2"));

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertThat(ClientAddress.trusting(Set.of()).of("127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
        assertThat(behindTwoProxies.of("198.51.100.4", "203.0.113.7")).as("the peer is no proxy of ours")
                .isEqualTo("198.51.100.4");
    }

    @Test
    void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
        assertThat(behindTwoProxies.of("127.0.0.1", "203.0.113.7, 10.0.0.2")).isEqualTo("203.0.113.7");
        assertThat(behindTwoProxies.of("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2"))
                .as("what the client wrote itself, on the left, is not believed").isEqualTo("203.0.113.7");
        assertThat(ClientAddress.trusting(Set.of("::1")).of("0:0:0:0:0:0:0:1", "2001:db8::7"))
                .as("IPv6, written two ways").isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aMalformedHeaderOrOneOfProxiesOnlyLeavesThePeer() {
        assertThat(behindTwoProxies.of("127.0.0.1", "evil.example, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindTwoProxies.of("127.0.0.1", "203.0.113.7, not-an-address")).isEqualTo("127.0.0.1");
        assertThat(behindTwoProxies.of("127.0.0.1", "10.0.0.2")).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyIsAnIpLiteralNeverAHostName() {
        assertThatThrownBy(() -> AccessSettings.defaults().withTrustedProxies(Set.of("proxy.internal")))
                .hasMessageContaining("is an IP address", "proxy.internal");
    }
}
