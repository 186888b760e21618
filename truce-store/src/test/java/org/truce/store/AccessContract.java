package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.access.Permission;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.access.AccessEvent;
import org.truce.store.access.AccessLogAppendOnly;
import org.truce.store.access.Account;
import org.truce.store.access.CounterClaim;
import org.truce.store.access.IssuedToken;
import org.truce.store.access.Principal;
import org.truce.store.access.Session;
import org.truce.store.finding.FindingBasis;
import org.truce.store.incident.NoSuchIncidentException;
import org.truce.store.record.RecordAudit;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST (issue 8, accounts and access): passwords kept as Argon2id hashes, API tokens
 * and sessions kept as digests of their secrets, tokens revocable and never wider than the role,
 * the access log append-only, and a counter-claim written with its incident history line and its
 * record entry in one transaction. Runs on H2 and on PostgreSQL.
 */
abstract class AccessContract {

    private static final String PASSWORD = "correct horse battery";

    private final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    private Database db;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPasswordIsKeptAsAnArgon2idHashAndChecked() {
        Account a = db.accounts().create("olena", Role.liaisonOf("UA"), PASSWORD, false);

        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE id = :id")
                .bind("id", a.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
        assertThat(db.accounts().authenticate("olena", PASSWORD)).map(Account::role)
                .contains(Role.liaisonOf("UA"));
        assertThat(db.accounts().authenticate("olena", "correct horse battery!")).isEmpty();
        assertThat(db.accounts().authenticate("nobody", PASSWORD)).isEmpty();

        db.accounts().disable("olena");
        assertThat(db.accounts().authenticate("olena", PASSWORD)).as("a disabled account cannot sign in").isEmpty();
    }

    @Test
    void badAccountsAreRefusedWithTheReason() {
        db.accounts().create("ana", Role.of(RoleKind.ANALYST), PASSWORD, false);

        assertThatThrownBy(() -> db.accounts().create("ana", Role.of(RoleKind.MONITOR), PASSWORD, false))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> db.accounts().create("short", Role.of(RoleKind.MONITOR), "hunter2", false))
                .hasMessageContaining("12 to 200 characters");
        assertThatThrownBy(() -> db.accounts().create("anon", Role.PUBLIC, PASSWORD, false))
                .hasMessageContaining("public");
        assertThatThrownBy(() -> db.accounts().create("a b", Role.of(RoleKind.MONITOR), PASSWORD, false))
                .hasMessageContaining("account name");
    }

    @Test
    void aTokenIsShownOnceKeptAsADigestAndWorksUntilRevoked() {
        db.accounts().create("intake-robot", Role.of(RoleKind.MONITOR), null, false);
        IssuedToken issued = db.apiTokens().issue("intake-robot", "ACLED feed", EnumSet.of(Permission.SUBMIT_REPORT));

        assertThat(issued.secret()).startsWith("truce_").hasSizeGreaterThan(40);
        String kept = db.jdbi().withHandle(h -> h.createQuery("SELECT token_sha256 FROM api_tokens")
                .mapTo(String.class).one());
        assertThat(kept).isEqualTo(Sha256.hex(issued.secret()));
        Optional<Principal> p = db.apiTokens().authenticate(issued.secret());
        assertThat(p).isPresent();
        assertThat(p.get().may(Permission.SUBMIT_REPORT)).isTrue();
        assertThat(p.get().may(Permission.ADD_STATEMENT)).as("the role allows it, the scope does not").isFalse();
        assertThat(db.apiTokens().authenticate(issued.secret() + "x")).isEmpty();

        assertThat(db.apiTokens().revoke(issued.token().id())).isTrue();
        assertThat(db.apiTokens().revoke(issued.token().id())).as("revoked once").isFalse();
        assertThat(db.apiTokens().authenticate(issued.secret())).isEmpty();
        assertThat(db.apiTokens().list()).singleElement().matches(t -> t.revoked());
    }

    @Test
    void aTokenIsNeverWiderThanItsRole() {
        db.accounts().create("mon", Role.of(RoleKind.MONITOR), PASSWORD, false);

        assertThatThrownBy(() -> db.apiTokens().issue("mon", "too much", Set.of(Permission.MANAGE_ACCOUNTS)))
                .hasMessageContaining("does not allow manage_accounts");
        assertThat(db.apiTokens().issue("mon", "all", Set.of()).token().scope())
                .containsExactlyInAnyOrder(Permission.READ_RECORD, Permission.READ_REPORTS, Permission.SUBMIT_REPORT,
                        Permission.ADD_STATEMENT);
    }

    @Test
    void aSessionEndsOnSignOutOrWhenItExpires() {
        Account a = db.accounts().create("gua", Role.of(RoleKind.GUARANTOR), PASSWORD, false);
        Session first = db.sessions().open(a, Duration.ofHours(8));
        Session second = db.sessions().open(a, Duration.ofHours(8));

        assertThat(db.sessions().find(first.secret())).map(s -> s.principal().account().name()).contains("gua");
        assertThat(db.sessions().find(first.secret()).orElseThrow().csrfToken()).isEqualTo(first.csrfToken());
        assertThat(db.sessions().close(first.secret())).isTrue();
        assertThat(db.sessions().find(first.secret())).isEmpty();

        clock.advance(Duration.ofHours(8).plusSeconds(1));
        assertThat(db.sessions().find(second.secret())).as("expired").isEmpty();
    }

    @Test
    void theAccessLogKeepsEveryLineNewestFirst() {
        db.accessLog().append("anonymous", "public", "none", AccessEvent.Action.READ, "GET", "/api/v1/incidents", 200,
                "127.0.0.1");
        clock.advance(Duration.ofSeconds(1));
        db.accessLog().append("olena", "party_liaison:UA", "session", AccessEvent.Action.DENIED, "POST",
                "/api/v1/reports", 403, "127.0.0.1");

        List<AccessEvent> events = db.accessLog().list(10, 0);
        assertThat(events).extracting(e -> e.actor() + " " + e.action().wireName() + " " + e.method() + " " + e.path()
                        + " " + e.status())
                .containsExactly("olena denied POST /api/v1/reports 403", "anonymous read GET /api/v1/incidents 200");
        assertThat(db.accessLog().count()).isEqualTo(2);
    }

    /**
     * Issue 8: the access log was append-only in the application only. The database now refuses
     * to change or delete its rows (a trigger on each database), and appending still works.
     */
    @Test
    void theDatabaseRefusesToChangeOrDeleteAccessLogRowsIssue8() {
        db.accessLog().append("olena", "party_liaison:UA", "session", AccessEvent.Action.READ, "GET",
                "/api/v1/incidents/INC-1", 200, "127.0.0.1");

        for (String tampering : List.of("UPDATE access_log SET actor = 'someone-else'",
                "UPDATE access_log SET status = 200 WHERE id = 1", "DELETE FROM access_log WHERE actor = 'olena'",
                "DELETE FROM access_log")) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(tampering))).as(tampering)
                    .hasMessageContaining(AccessLogAppendOnly.REFUSAL);
        }
        // Refused too, with each database's own words (H2: a foreign key refers to the table).
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("TRUNCATE TABLE access_log")))
                .as("TRUNCATE").isNotNull();

        db.accessLog().append("anonymous", "public", "none", AccessEvent.Action.READ, "GET", "/api/v1/incidents", 200,
                "127.0.0.1");
        assertThat(db.accessLog().list(10, 0)).extracting(AccessEvent::actor).as("nothing changed; appending works")
                .containsExactlyInAnyOrder("olena", "anonymous");
    }

    @Test
    void aCounterClaimGoesIntoTheIncidentHistoryAndTheRecordTogether() {
        db.sources().register(new Source(Fixtures.ACLED, "ACLED", SourceKind.DATASET));
        String incident = db.intake().submitAssessed("k1", Fixtures.ACLED, ReportContent.of(Fixtures.strike("A1")),
                new FindingBasis("call", "v1", "ref1"), List.of(Fixtures.violation("A1", "energy"))).incidentId();
        long before = db.record().size();

        CounterClaim claim = db.counterClaims().file(incident, "energy", "RU", "liaison-ru",
                "Our units were 40 km away that night.", List.of("https://example.org/flight-log"));

        assertThat(db.counterClaims().listFor(incident)).containsExactly(claim);
        assertThat(db.incidents().history(incident)).last()
                .matches(e -> e.operation().equals("counter_claim") && e.by().equals("liaison-ru")
                        && e.reason().equals("Our units were 40 km away that night."));
        // Two entries: the history row's (with the incident as it stands) and the claim's own.
        assertThat(db.record().size()).isEqualTo(before + 2);
        assertThat(db.record().entry(before).orElseThrow().kind()).isEqualTo("incident");
        assertThat(db.record().entry(before + 1).orElseThrow().kind()).isEqualTo("counter_claim");
        assertThat(new RecordAudit(db.jdbi()).run(Optional.empty()).problems()).as("truce verify agrees").isEmpty();

        assertThatThrownBy(() -> db.counterClaims().file("INC-999", "energy", "RU", "liaison-ru", "text", List.of()))
                .isInstanceOf(NoSuchIncidentException.class);
        assertThat(db.record().size()).as("a refused claim leaves no entry").isEqualTo(before + 2);
    }
}
