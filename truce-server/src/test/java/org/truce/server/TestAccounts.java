package org.truce.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.Database;

/**
 * One account per role for the tests, each with an API token and the password {@link #PASSWORD}
 * (for the browser tests, which sign in as a person does). Names as the tests use them in {@code by}: {@code analyst-1} and
 * {@code analyst-2} for four eyes, {@code liaison-ru} and {@code liaison-ua} for the two parties.
 */
final class TestAccounts {

    static final String ADMIN = "admin-1";
    static final String MONITOR = "monitor-team-1";
    static final String ANALYST = "analyst-1";
    static final String ANALYST_2 = "analyst-2";
    static final String LIAISON_RU = "liaison-ru";
    static final String LIAISON_UA = "liaison-ua";
    static final String GUARANTOR = "guarantor-1";
    static final String PASSWORD = "a test password, not secret";

    private final Map<String, String> tokens;

    private TestAccounts(Map<String, String> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    static TestAccounts create(Database db) {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put(ADMIN, Role.of(RoleKind.ADMIN));
        roles.put(MONITOR, Role.of(RoleKind.MONITOR));
        roles.put(ANALYST, Role.of(RoleKind.ANALYST));
        roles.put(ANALYST_2, Role.of(RoleKind.ANALYST));
        roles.put(LIAISON_RU, Role.liaisonOf("RU"));
        roles.put(LIAISON_UA, Role.liaisonOf("UA"));
        roles.put(GUARANTOR, Role.of(RoleKind.GUARANTOR));
        Map<String, String> tokens = new LinkedHashMap<>();
        roles.forEach((name, role) -> {
            if (db.accounts().find(name).isEmpty()) {
                db.accounts().create(name, role, PASSWORD, false);
            }
            tokens.put(name, db.apiTokens().issue(name, "tests", Set.of()).secret());
        });
        return new TestAccounts(tokens);
    }

    /** The accounts in a database the test opens and closes before a server opens it. */
    static TestAccounts create(org.truce.store.DataSourceConfig database) {
        try (Database db = Database.open(database)) {
            return create(db);
        }
    }

    String token(String account) {
        String t = tokens.get(account);
        if (t == null) {
            throw new IllegalArgumentException("no test account " + account);
        }
        return t;
    }
}
