package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.Sha256;
import org.truce.store.statement.StoredStatement;

/**
 * FEATURE UNDER TEST (issue 5, statements): {@code truce statement add} keeps the seed article whole
 * with its hash, once; bad files get one clear line, exit code 2, and nothing stored.
 */
class StatementCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run add(Path file, String... more) {
        String[] base = {"statement", "add", "--data", tmp.resolve("data").toString(), "--source", "afp",
            "--source-name", "Agence France-Presse", "--lang", "fr"};
        String[] args = new String[base.length + more.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        args[args.length - 1] = file.toString();
        return run(args);
    }

    private int stored() {
        try (Database db = Database.open(DataSourceConfig.embedded(tmp.resolve("data")))) {
            return db.statements().count();
        }
    }

    @Test
    void theSeedArticleIsStoredOnceWithTheHashOfItsBytes() throws Exception {
        Path seed = SharedFolder.shared().resolve("seed/2025-03-19-putin-trump-call.fr.txt");
        byte[] bytes = Files.readAllBytes(seed);

        Run first = add(seed, "--published", "2025-03-19", "--title", "Appel Poutine-Trump");
        Run second = add(seed);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("stored statement 1: afp, fr, ")
                .contains("sha256 " + Sha256.hex(bytes));
        assertThat(second.out()).startsWith("already stored as statement 1");
        try (Database db = Database.open(DataSourceConfig.embedded(tmp.resolve("data")))) {
            StoredStatement s = db.statements().find(1).orElseThrow();
            assertThat(s.text()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(s.title()).isEqualTo("Appel Poutine-Trump");
            assertThat(db.sources().find("afp").orElseThrow().name()).isEqualTo("Agence France-Presse");
        }
        Run list = run("statement", "list", "--data", tmp.resolve("data").toString());
        assertThat(list.out()).startsWith("1 statement\n").contains("2025-03-19", "Appel Poutine-Trump");
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsStored() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");

        Run r = add(empty);

        assertThat(r.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(r.err()).isEqualTo("truce: " + empty + ": the text is empty\n");
        assertThat(stored()).isZero();
    }

    @Test
    void aBinaryFileIsRefusedAndNothingIsStored() throws Exception {
        Path pdf = Files.write(tmp.resolve("readout.pdf"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2});

        Run r = add(pdf);

        assertThat(r.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(r.err()).contains("a binary file, not a text (NUL byte at offset 9)");
        assertThat(stored()).isZero();
    }

    @Test
    void aMissingLanguageOrAWrongSourceKindIsOneClearLine() throws Exception {
        Path text = Files.writeString(tmp.resolve("s.txt"), "A statement.");

        Run noLang = run("statement", "add", "--data", tmp.resolve("data").toString(), "--source", "x", text.toString());
        Run badKind = add(text, "--source-kind", "blog");

        assertThat(noLang.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(noLang.err()).startsWith("truce: Missing required option: '--lang=TAG'");
        assertThat(badKind.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(badKind.err()).isEqualTo("truce: --source-kind: one of dataset, monitor, party, outlet, other,"
                + " got 'blog'\n");
        assertThat(stored()).isZero();
    }
}
