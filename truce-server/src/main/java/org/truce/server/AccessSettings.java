package org.truce.server;

import java.time.Duration;
import java.util.Set;

/**
 * How the server guards itself (issue 8, docs/security.md).
 *
 * @param secureCookies mark the session cookie {@code Secure}: set it when the dashboard is reached
 *     over HTTPS (behind a TLS proxy), so the browser never sends the cookie in clear
 * @param sessionLifetime how long a dashboard session lasts after sign-in
 * @param signInsPerMinute sign-in attempts a minute from one address (after a burst of as many)
 * @param intakePerMinute reports a minute from one account (after a burst of as many)
 * @param coarsen_deg the grid exact coordinates are rounded to for readers below their sensitivity
 * @param trustedProxies IP addresses of reverse proxies whose {@code X-Forwarded-For} names the
 *     client (docs/security.md); empty: the peer is the client
 */
public record AccessSettings(boolean secureCookies, Duration sessionLifetime, int signInsPerMinute,
        int intakePerMinute, double coarsen_deg, Set<String> trustedProxies) {

    public AccessSettings {
        if (sessionLifetime == null || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("a session must last a positive time, got " + sessionLifetime);
        }
        if (signInsPerMinute < 1 || intakePerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 a minute");
        }
        trustedProxies = Set.copyOf(trustedProxies);
        trustedProxies.forEach(ClientAddress::check);
        if (!(coarsen_deg > 0 && coarsen_deg <= 10)) {
            throw new IllegalArgumentException("coarsen_deg must be above 0 and at most 10, got " + coarsen_deg);
        }
    }

    /** Plain-HTTP cookies (a local server), 8-hour sessions, 10 sign-ins and 12,000 reports a minute, 0.1 degree. */
    public static AccessSettings defaults() {
        return new AccessSettings(false, Duration.ofHours(8), 10, 12_000, 0.1, Set.of());
    }

    public AccessSettings withSecureCookies(boolean secure) {
        return new AccessSettings(secure, sessionLifetime, signInsPerMinute, intakePerMinute, coarsen_deg, trustedProxies);
    }

    public AccessSettings withSignInsPerMinute(int n) {
        return new AccessSettings(secureCookies, sessionLifetime, n, intakePerMinute, coarsen_deg, trustedProxies);
    }

    /** Takes the client's address from {@code X-Forwarded-For} on requests from these proxies. */
    public AccessSettings withTrustedProxies(Set<String> proxies) {
        return new AccessSettings(secureCookies, sessionLifetime, signInsPerMinute, intakePerMinute, coarsen_deg,
                proxies);
    }

    public AccessSettings withIntakePerMinute(int n) {
        return new AccessSettings(secureCookies, sessionLifetime, signInsPerMinute, n, coarsen_deg, trustedProxies);
    }
}
