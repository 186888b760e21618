package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.truce.agreement.Agreement;

/** {@code /agreements}: the agreement the server assesses against, its commitments and positions. */
final class AgreementResource {

    private final Agreement agreement;
    private final Set<String> assessed;

    AgreementResource(Agreement agreement, List<String> assessedCommitments) {
        this.agreement = agreement;
        this.assessed = Set.copyOf(assessedCommitments);
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/agreements", this::list);
        routes.get(TruceServer.API + "/agreements/{id}", this::get);
    }

    private void list(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, List.of(Views.agreementSummary(agreement)));
    }

    private void get(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        if (!id.equals(agreement.id())) {
            throw ApiException.notFound("no agreement '" + id + "'; this server has " + agreement.id());
        }
        Json.send(ctx, 200, Views.agreement(agreement, assessed));
    }
}
