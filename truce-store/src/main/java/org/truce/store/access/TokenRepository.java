package org.truce.store.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.truce.access.Permission;
import org.truce.store.internal.Sql;

/**
 * API tokens for machines: issued for an account with a scope, shown once, stored as a SHA-256
 * digest, revocable. A token never does more than its account's role allows.
 */
public final class TokenRepository {

    /** Every token starts with this, so that a leaked one is easy to find in logs and code. */
    public static final String PREFIX = "truce_";

    private final Jdbi jdbi;
    private final Clock clock;

    public TokenRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * @param scope what the token may do; empty means everything the role allows
     * @throws IllegalArgumentException for an unknown or disabled account, a bad label, or a scope
     *     wider than the account's role
     */
    public IssuedToken issue(String accountName, String label, Set<Permission> scope) {
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("a token's label is 1 to 100 characters, such as 'intake robot'");
        }
        Account account = new AccountRepository(jdbi, clock).find(accountName)
                .filter(a -> !a.disabled())
                .orElseThrow(() -> new IllegalArgumentException("no active account named '" + accountName + "'"));
        Set<Permission> allowed = EnumSet.allOf(Permission.class).stream().filter(account.role()::may)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
        Set<Permission> granted = scope.isEmpty() ? allowed : EnumSet.copyOf(scope);
        Set<Permission> beyond = EnumSet.copyOf(granted);
        beyond.removeAll(allowed);
        if (!beyond.isEmpty()) {
            throw new IllegalArgumentException("role " + account.role() + " does not allow "
                    + beyond.stream().map(Permission::wireName).sorted().collect(Collectors.joining(", ")));
        }
        String secret = Secrets.newSecret(PREFIX);
        long id = jdbi.inTransaction(h -> h.createUpdate("INSERT INTO api_tokens (account_id, label, token_sha256,"
                        + " scope, created_at) VALUES (:a, :label, :sha, :scope, :now)")
                .bind("a", account.id())
                .bind("label", label)
                .bind("sha", Secrets.digest(secret))
                .bind("scope", AccessTokenScope.write(granted))
                .bind("now", Sql.timestamp(clock.instant()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new IssuedToken(find(id).orElseThrow(), secret);
    }

    public Optional<ApiToken> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.*, a.name AS account_name FROM api_tokens t JOIN accounts a"
                        + " ON a.id = t.account_id WHERE t.id = :id")
                .bind("id", id).map((rs, ctx) -> token(rs)).findOne());
    }

    public List<ApiToken> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.*, a.name AS account_name FROM api_tokens t JOIN accounts a"
                        + " ON a.id = t.account_id ORDER BY t.id")
                .map((rs, ctx) -> token(rs)).list());
    }

    /** Revokes a token for good; returns false when there is no such token or it was already revoked. */
    public boolean revoke(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id"
                        + " AND revoked_at IS NULL")
                .bind("id", id).bind("now", Sql.timestamp(clock.instant())).execute()) == 1;
    }

    /** The principal a token stands for, unless it is unknown, revoked or its account disabled. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT a.*, t.scope AS token_scope FROM api_tokens t JOIN accounts a"
                        + " ON a.id = t.account_id WHERE t.token_sha256 = :sha AND t.revoked_at IS NULL"
                        + " AND a.disabled = FALSE")
                .bind("sha", Secrets.digest(secret))
                .map((rs, ctx) -> new Principal(AccountRepository.account(rs),
                        AccessTokenScope.read(rs.getString("token_scope")), "token"))
                .findOne());
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("account_name"), rs.getString("label"),
                AccessTokenScope.read(rs.getString("scope")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
