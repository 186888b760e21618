package org.truce.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is on the other end of a request, for the sign-in rate limit and the access log. Directly
 * connected, it is the peer. Behind a reverse proxy the peer is the proxy, so the address the
 * proxy saw is taken from {@code X-Forwarded-For} — but only when the peer is a proxy the operator
 * named, and only the part those proxies added: read from the right, the first address that is
 * not a trusted proxy. Anything to its left was written by the client and may be forged.
 */
final class ClientAddress {

    /** IP literals only: a host name here would make every request wait on DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Set<InetAddress> trusted;

    private ClientAddress(Set<InetAddress> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    static ClientAddress trusting(Set<String> proxies) {
        return new ClientAddress(proxies.stream().map(p -> parse(p).orElseThrow(() -> new IllegalArgumentException(
                "a trusted proxy is an IP address (e.g. 127.0.0.1 or ::1), got '" + p + "'"))).collect(Collectors.toSet()));
    }

    /** Throws when {@code address} is not an IP literal. */
    static void check(String address) {
        if (parse(address).isEmpty()) {
            throw new IllegalArgumentException("a trusted proxy is an IP address (e.g. 127.0.0.1 or ::1), got '"
                    + address + "'");
        }
    }

    /** The client's address for a request from {@code peer} carrying {@code forwardedFor} (or null). */
    String of(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = parse(peer);
        if (forwardedFor == null || peerAddress.isEmpty() || !trusted.contains(peerAddress.get())) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            Optional<InetAddress> address = parse(hop);
            if (address.isEmpty()) {
                return peer; // a malformed header: trust none of it
            }
            if (!trusted.contains(address.get())) {
                return address.get().getHostAddress();
            }
        }
        return peer; // every hop is a trusted proxy: the request started at one of them
    }

    private static Optional<InetAddress> parse(String text) {
        if (text == null || text.length() > 45 || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
