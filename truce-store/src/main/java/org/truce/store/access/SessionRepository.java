package org.truce.store.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.truce.access.Permission;
import org.truce.store.internal.Sql;

/** Dashboard sessions, kept as the digest of the cookie's value, ending after a fixed time. */
public final class SessionRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public SessionRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Opens a session for a signed-in account; the result holds the cookie's secret. */
    public Session open(Account account, Duration lifetime) {
        String secret = Secrets.newSecret("");
        String csrf = Secrets.newSecret("");
        Instant now = Sql.storable(clock.instant());
        Instant expires = now.plus(lifetime);
        jdbi.useTransaction(h -> {
            // Expired sessions are dropped as new ones open, so the table does not grow without end.
            h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", Sql.timestamp(now)).execute();
            h.createUpdate("INSERT INTO sessions (id_sha256, account_id, csrf_token, created_at, expires_at)"
                            + " VALUES (:sha, :a, :csrf, :now, :exp)")
                    .bind("sha", Secrets.digest(secret))
                    .bind("a", account.id())
                    .bind("csrf", csrf)
                    .bind("now", Sql.timestamp(now))
                    .bind("exp", Sql.timestamp(expires))
                    .execute();
        });
        return new Session(secret, principal(account), csrf, expires);
    }

    /** The live session with this cookie value, unless it expired or its account was disabled. */
    public Optional<Session> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT a.*, s.csrf_token, s.expires_at FROM sessions s"
                        + " JOIN accounts a ON a.id = s.account_id WHERE s.id_sha256 = :sha AND s.expires_at > :now"
                        + " AND a.disabled = FALSE")
                .bind("sha", Secrets.digest(secret))
                .bind("now", Sql.timestamp(clock.instant()))
                .map((rs, ctx) -> new Session(null, principal(AccountRepository.account(rs)),
                        rs.getString("csrf_token"), Sql.instant(rs, "expires_at")))
                .findOne());
    }

    /** Ends a session (sign-out); returns whether there was one. */
    public boolean close(String secret) {
        if (secret == null) {
            return false;
        }
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_sha256 = :sha")
                .bind("sha", Secrets.digest(secret)).execute()) == 1;
    }

    private static Principal principal(Account account) {
        return new Principal(account, EnumSet.allOf(Permission.class), "session");
    }
}
