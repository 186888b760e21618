package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.statement.NewStatement;
import org.truce.store.statement.StatementRepository;
import org.truce.store.statement.StoredStatement;

/**
 * FEATURE UNDER TEST (issue 5, statements): a statement is kept whole with its source, outlet,
 * language, dates and the SHA-256 of its text; the same text from the same source is one
 * statement; nothing is ever changed. Runs on H2 and on PostgreSQL.
 */
abstract class StatementContract {

    private static final String READOUT = """
            The two presidents spoke by telephone on 18 March.
            Они договорились о прекращении ударов по энергетике на 30 дней.
            """;

    private final TestClock clock = new TestClock("2025-03-19T08:00:00Z");
    private Database db;
    private StatementRepository statements;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source("kremlin", "Kremlin press service", SourceKind.PARTY));
        db.sources().register(new Source("afp", "Agence France-Presse", SourceKind.OUTLET));
        statements = db.statements();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStatementIsKeptWholeWithItsHashAndMetadata() {
        var added = statements.add(new NewStatement("kremlin", "", "en", LocalDate.parse("2025-03-18"),
                Instant.parse("2025-03-18T19:05:00Z"), "https://example.org/readout", "Telephone conversation", READOUT));

        assertThat(added.created()).isTrue();
        StoredStatement s = statements.find(added.statement().id()).orElseThrow();
        assertThat(s.text()).isEqualTo(READOUT);
        assertThat(s.textSha256()).isEqualTo(Sha256.hex(READOUT.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.size_bytes()).isEqualTo(READOUT.getBytes(StandardCharsets.UTF_8).length)
                .as("Cyrillic letters take two bytes each").isGreaterThan(READOUT.length());
        assertThat(s.sourceId()).isEqualTo("kremlin");
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.published()).isEqualTo(LocalDate.parse("2025-03-18"));
        assertThat(s.retrievedAt()).isEqualTo(Instant.parse("2025-03-18T19:05:00Z"));
        assertThat(s.receivedAt()).isEqualTo(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(s.url()).isEqualTo("https://example.org/readout");
        assertThat(s.title()).isEqualTo("Telephone conversation");
    }

    @Test
    void theSameTextFromTheSameSourceIsOneStatementAndItsFirstMetadataStays() {
        var first = statements.add(new NewStatement("kremlin", "", "en", LocalDate.parse("2025-03-18"), null, null,
                "Readout", READOUT));
        clock.advance(Duration.ofHours(2));
        var again = statements.add(new NewStatement("kremlin", "", "en", LocalDate.parse("2025-03-20"), null, null,
                "Another title", READOUT));

        assertThat(again.created()).isFalse();
        assertThat(again.statement().id()).isEqualTo(first.statement().id());
        assertThat(again.statement().title()).isEqualTo("Readout");
        assertThat(again.statement().published()).isEqualTo(LocalDate.parse("2025-03-18"));
        assertThat(statements.count()).isEqualTo(1);
    }

    @Test
    void anotherSourceGivingTheSameTextIsAnotherStatement() {
        statements.add(new NewStatement("kremlin", "", "en", null, null, null, "", READOUT));
        var republished = statements.add(new NewStatement("afp", "Kremlin press service", "en", null, null, null, "",
                READOUT));

        assertThat(republished.created()).isTrue();
        assertThat(statements.count()).isEqualTo(2);
        assertThat(republished.statement().outlet()).isEqualTo("Kremlin press service");
    }

    @Test
    void listingLeavesTheTextOutAndPutsTheNewestPublicationFirst() {
        statements.add(new NewStatement("afp", "", "fr", LocalDate.parse("2025-03-19"), null, null, "b", "Texte B."));
        statements.add(new NewStatement("afp", "", "fr", null, null, null, "undated", "Texte sans date."));
        statements.add(new NewStatement("afp", "", "fr", LocalDate.parse("2025-03-21"), null, null, "c", "Texte C."));

        assertThat(statements.list(10, 0)).extracting(StoredStatement::title).containsExactly("c", "b", "undated");
        assertThat(statements.list(10, 0)).allSatisfy(s -> assertThat(s.text()).isNull());
        assertThat(statements.list(1, 1)).extracting(StoredStatement::title).containsExactly("b");
    }

    @Test
    void anUnknownSourceIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> statements.add(new NewStatement("tass", "", "ru", null, null, null, "", "Текст.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no source 'tass'");
        assertThat(statements.count()).isZero();
    }
}
