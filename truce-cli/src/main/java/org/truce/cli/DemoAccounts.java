package org.truce.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * The demo's accounts: one per role (two analysts, for four eyes; a liaison for each party of the
 * example agreement), marked demo, with new passwords at every start, printed once on the console;
 * and a machine account whose token posts the synthetic stream.
 */
final class DemoAccounts {

    /** The monitor account the demo's own stream posts as; tokens only, no password. */
    static final String STREAM = "demo-stream";

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The example agreement's parties are RU and UA. */
    static final Map<String, Role> PEOPLE = people();

    /** @param passwords account name to its password for this start */
    record Made(Map<String, String> passwords, String streamToken) {

        void print(PrintWriter out) {
            out.println("truce demo: demo accounts (new passwords at each start; for this demo only):");
            passwords.forEach((name, password) -> out.printf("  %-16s %-18s %s%n", name, PEOPLE.get(name), password));
            out.println("truce demo: without signing in the dashboard shows the public view.");
        }
    }

    private DemoAccounts() {
    }

    private static Map<String, Role> people() {
        Map<String, Role> m = new LinkedHashMap<>();
        m.put("demo-admin", Role.of(RoleKind.ADMIN));
        m.put("demo-monitor", Role.of(RoleKind.MONITOR));
        m.put("demo-analyst", Role.of(RoleKind.ANALYST));
        m.put("demo-analyst-2", Role.of(RoleKind.ANALYST));
        m.put("demo-liaison-ru", Role.liaisonOf("RU"));
        m.put("demo-liaison-ua", Role.liaisonOf("UA"));
        m.put("demo-guarantor", Role.of(RoleKind.GUARANTOR));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Creates the accounts the demo lacks, gives every person a new password and the stream a new token. */
    static Made ensure(DataSourceConfig database) {
        try (Database db = Database.open(database)) {
            Map<String, String> passwords = new LinkedHashMap<>();
            PEOPLE.forEach((name, role) -> {
                String password = password();
                if (db.accounts().find(name).isPresent()) {
                    db.accounts().setPassword(name, password);
                } else {
                    db.accounts().create(name, role, password, true);
                }
                passwords.put(name, password);
            });
            return new Made(passwords, streamToken(db));
        }
    }

    /** Only the stream's token (for {@code truce report --demo}, which signs no one in). */
    static String streamToken(DataSourceConfig database) {
        try (Database db = Database.open(database)) {
            return streamToken(db);
        }
    }

    private static String streamToken(Database db) {
        if (db.accounts().find(STREAM).isEmpty()) {
            db.accounts().create(STREAM, Role.of(RoleKind.MONITOR), null, true);
        }
        return db.apiTokens().issue(STREAM, "truce demo stream", Set.of()).secret();
    }

    /** 4 groups of 5 letters and digits without look-alikes: about 99 bits. */
    static String password() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                b.append('-');
            }
            b.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return b.toString();
    }
}
