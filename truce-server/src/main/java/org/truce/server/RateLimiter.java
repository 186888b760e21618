package org.truce.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client key (an address, an account): {@code capacity} requests at once, then
 * {@code perMinute} a minute. Kept in memory; a restart forgets it, which is fine for throttling.
 */
final class RateLimiter {

    /** Past this many keys the table is cleared rather than grown: an attacker with many addresses gains a refill. */
    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final double perNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int capacity, int perMinute) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity and a rate of at least 1, got "
                    + capacity + " and " + perMinute + " a minute");
        }
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
    }

    /** Takes one request from the key's bucket; false when it is empty. */
    boolean tryAcquire(String key, long nowNanos) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (nowNanos - b.atNanos) * perNano);
            b.atNanos = nowNanos;
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long atNanos;

        private Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }
}
