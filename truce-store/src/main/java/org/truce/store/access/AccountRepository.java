package org.truce.store.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.internal.Sql;

/** Accounts: created by an admin (or {@code truce demo}), signed in to with a password. */
public final class AccountRepository {

    /** Letters, digits, dot, dash, underscore: a name goes into logs and the {@code by} of the record. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Jdbi jdbi;
    private final Clock clock;

    public AccountRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Creates an account. {@code password} may be null for a machine that only uses tokens.
     *
     * @throws IllegalArgumentException for a bad name or password, the public role (it is no
     *     account), or a name already taken
     */
    public Account create(String name, Role role, String password, boolean demo) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an account name is 1 to 100 letters, digits, '.', '-' or '_', starting"
                    + " with a letter or digit; got '" + name + "'");
        }
        if (role.kind() == RoleKind.PUBLIC) {
            throw new IllegalArgumentException("public is what readers without an account get; an account needs"
                    + " another role");
        }
        String hash = password == null ? null : PasswordHash.of(password);
        try {
            return jdbi.inTransaction(h -> {
                long id = h.createUpdate("INSERT INTO accounts (name, role_kind, party, password_hash, demo, disabled,"
                                + " created_at) VALUES (:name, :kind, :party, :hash, :demo, FALSE, :now)")
                        .bind("name", name)
                        .bind("kind", role.kind().wireName())
                        .bind("party", role.party())
                        .bind("hash", hash)
                        .bind("demo", demo)
                        .bind("now", Sql.timestamp(clock.instant()))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                return h.createQuery("SELECT * FROM accounts WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> account(rs)).one();
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalArgumentException("an account named '" + name + "' already exists", e);
            }
            throw e;
        }
    }

    public Optional<Account> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM accounts WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> account(rs)).findOne());
    }

    public Optional<Account> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM accounts WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> account(rs)).findOne());
    }

    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM accounts ORDER BY name")
                .map((rs, ctx) -> account(rs)).list());
    }

    /**
     * The account when {@code password} is its password and it is not disabled. Takes the time of
     * one Argon2 check whether or not the name exists.
     */
    public Optional<Account> authenticate(String name, String password) {
        record Row(Account account, String hash) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("SELECT * FROM accounts WHERE name = :name")
                .bind("name", name == null ? "" : name)
                .map((rs, ctx) -> new Row(account(rs), rs.getString("password_hash"))).findOne());
        if (row.isEmpty() || row.get().hash() == null) {
            PasswordHash.burn(password);
            return Optional.empty();
        }
        boolean ok = PasswordHash.matches(password, row.get().hash());
        return ok && !row.get().account().disabled() ? Optional.of(row.get().account()) : Optional.empty();
    }

    /**
     * Gives an account a new password (its sessions end: whoever held the old one is signed out).
     * Returns whether the account exists.
     */
    public boolean setPassword(String name, String password) {
        String hash = PasswordHash.of(password);
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM accounts WHERE name = :name").bind("name", name)
                    .mapTo(Long.class).findOne();
            id.ifPresent(i -> {
                h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id").bind("hash", hash)
                        .bind("id", i).execute();
                h.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", i).execute();
            });
            return id.isPresent();
        });
    }

    /** Disables an account: its sessions end and its tokens stop working. Returns whether it existed. */
    public boolean disable(String name) {
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM accounts WHERE name = :name").bind("name", name)
                    .mapTo(Long.class).findOne();
            id.ifPresent(i -> {
                h.createUpdate("UPDATE accounts SET disabled = TRUE WHERE id = :id").bind("id", i).execute();
                h.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", i).execute();
            });
            return id.isPresent();
        });
    }

    static Account account(ResultSet rs) throws SQLException {
        RoleKind kind = RoleKind.fromWireName(rs.getString("role_kind"));
        return new Account(rs.getLong("id"), rs.getString("name"), new Role(kind, rs.getString("party")),
                rs.getBoolean("demo"), rs.getBoolean("disabled"), Sql.instant(rs, "created_at"));
    }
}
