package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.truce.access.Permission;
import org.truce.access.Role;
import org.truce.store.Database;
import org.truce.store.access.Account;
import org.truce.store.access.ApiToken;
import org.truce.store.access.IssuedToken;

/**
 * {@code /accounts} and {@code /tokens}, for admins: create accounts, issue API tokens (the
 * secret is in the answer once, never again), list them, revoke one.
 */
final class AccountResource {

    private final Database database;
    private final long maxBodyBytes;

    AccountResource(Database database, long maxBodyBytes) {
        this.database = database;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/accounts", this::accounts);
        routes.post(TruceServer.API + "/accounts", this::createAccount);
        routes.get(TruceServer.API + "/tokens", this::tokens);
        routes.post(TruceServer.API + "/tokens", this::issue);
        routes.post(TruceServer.API + "/tokens/{id}/revoke", this::revoke);
    }

    private void accounts(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, database.accounts().list().stream().map(AccountResource::view).toList());
    }

    private void createAccount(Context ctx) {
        QueryParams.of(ctx, Set.of());
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        String name = text(body, "name");
        Role role;
        try {
            role = Role.parse(text(body, "role"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", e.getMessage());
        }
        JsonNode password = body.get("password");
        try {
            Account a = database.accounts().create(name, role, password == null || password.isNull() ? null
                    : password.asText(), false);
            Json.send(ctx, 201, view(a));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().contains("password") ? "password" : "name", e.getMessage());
        }
    }

    private void tokens(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, database.apiTokens().list().stream().map(AccountResource::view).toList());
    }

    private void issue(Context ctx) {
        QueryParams.of(ctx, Set.of());
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        String account = text(body, "account");
        String label = text(body, "label");
        Set<Permission> scope = EnumSet.noneOf(Permission.class);
        JsonNode s = body.get("scope");
        if (s != null && !s.isNull()) {
            if (!s.isArray()) {
                throw ApiException.badRequest("scope", "scope is a list of permissions, such as [\"submit_report\"]");
            }
            for (JsonNode p : s) {
                try {
                    scope.add(Permission.valueOf(p.asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("scope", "no permission '" + p.asText() + "'");
                }
            }
        }
        try {
            IssuedToken t = database.apiTokens().issue(account, label, scope);
            Map<String, Object> m = view(t.token());
            m.put("secret", t.secret());
            Json.send(ctx, 201, m);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().startsWith("role") ? "scope" : "account", e.getMessage());
        }
    }

    private void revoke(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String raw = ctx.pathParam("id");
        if (!raw.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.badRequest("id", "a token id is a positive whole number, got '" + raw + "'");
        }
        long id = Long.parseLong(raw);
        ApiToken t = database.apiTokens().find(id).orElseThrow(() -> ApiException.notFound("no token " + id));
        database.apiTokens().revoke(id);
        Json.send(ctx, 200, view(database.apiTokens().find(t.id()).orElseThrow()));
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("role", a.role().toString());
        m.put("demo", a.demo());
        m.put("disabled", a.disabled());
        m.put("created_at", Views.instant(a.createdAt()));
        return m;
    }

    private static Map<String, Object> view(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("account", t.accountName());
        m.put("label", t.label());
        m.put("scope", t.scope().stream().map(Permission::wireName).sorted().toList());
        m.put("created_at", Views.instant(t.createdAt()));
        m.put("revoked_at", Views.instant(t.revokedAt()));
        return m;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw ApiException.badRequest(field, field + " is required (a string)");
        }
        return n.textValue();
    }
}
