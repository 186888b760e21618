package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.truce.agreement.Statement;
import org.truce.exchange.Account;
import org.truce.exchange.BalanceRow;
import org.truce.exchange.Discrepancy;
import org.truce.exchange.Exchange;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.Figure;
import org.truce.exchange.FigureKey;
import org.truce.exchange.ParityBalance;
import org.truce.exchange.Span;

/**
 * {@code /exchanges}: the prisoner exchanges of the agreement's companion file, every source's
 * figures side by side, the figures on which sources disagree (flagged, never averaged) and the
 * running N-for-N balance of each commitment. Read only: a monitor edits the file.
 */
final class ExchangeResource {

    private final String agreementId;
    private final ExchangeLedger ledger;

    ExchangeResource(String agreementId, ExchangeLedger ledger) {
        this.agreementId = agreementId;
        this.ledger = ledger;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/exchanges", this::list);
    }

    private void list(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Set<String> cited = new LinkedHashSet<>();
        List<Map<String, Object>> exchanges = new ArrayList<>();
        for (Exchange x : ledger.exchanges()) {
            x.accounts().forEach(a -> cited.add(a.statement().statement()));
            exchanges.add(exchange(x));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreement", agreementId);
        m.put("exchanges", exchanges);
        m.put("discrepancies", ledger.discrepancies().stream().map(ExchangeResource::discrepancy).toList());
        m.put("balances", ledger.balances().stream().map(ExchangeResource::balance).toList());
        m.put("statements", cited.stream().map(id -> statement(ledger.getStatement(id))).toList());
        Json.send(ctx, 200, m);
    }

    private static Map<String, Object> exchange(Exchange x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("commitment", x.commitment());
        m.put("stage", x.stage());
        m.put("date", Views.date(x.date()));
        m.put("mediator", x.mediator());
        m.put("note", x.note());
        m.put("accounts", x.accounts().stream().map(ExchangeResource::account).toList());
        m.put("figures", x.figures().stream().map(ExchangeResource::figure).toList());
        return m;
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", a.statement().statement());
        m.put("sentence", a.statement().sentence());
        m.put("note", a.statement().note());
        m.put("kind", a.kind().wireName());
        return m;
    }

    /** One figure with every source's value; {@code agrees} false marks a discrepancy. */
    private static Map<String, Object> figure(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>(key(f.key()));
        m.put("label", f.key().describe());
        m.put("values", f.stated().stream().map(s -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("statement", s.statement());
            v.put("kind", s.kind().wireName());
            v.put("persons", s.value());
            return v;
        }).toList());
        m.put("agrees", f.agrees());
        m.put("span", span(f.span()));
        return m;
    }

    /** What a figure counts, as fields a client can group by (side, category). */
    private static Map<String, Object> key(FigureKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        // Java 17 has no pattern switch; the key is sealed, so these three cases are all there are.
        if (key instanceof FigureKey.Released r) {
            m.put("figure", "released");
            m.put("by", r.releasedBy());
            m.put("category", r.category().wireName());
            m.put("outside_parity", r.outsideParity());
        } else if (key instanceof FigureKey.NamesReceived n) {
            m.put("figure", "names_received");
            m.put("by", n.receivedBy());
        } else if (key instanceof FigureKey.NamesVerified n) {
            m.put("figure", "names_verified");
            m.put("by", n.receivedBy());
        }
        return m;
    }

    private static Map<String, Object> discrepancy(Discrepancy d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exchange", d.exchange());
        m.put("figure", d.figure().key().describe());
        m.put("description", d.describe());
        m.put("values", figure(d.figure()).get("values"));
        return m;
    }

    private static Map<String, Object> balance(ParityBalance b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commitment", b.commitment());
        m.put("parties", b.parties());
        m.put("rows", b.rows().stream().map(ExchangeResource::row).toList());
        return m;
    }

    private static Map<String, Object> row(BalanceRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exchange", r.exchange());
        m.put("date", Views.date(r.date()));
        m.put("released_in_parity", spans(r.releasedInParity()));
        m.put("promised_per_side", r.promisedPerSide());
        m.put("released_outside_parity", spans(r.releasedOutsideParity()));
        m.put("promised_outside_parity", new TreeMap<>(r.promisedOutsideParity()));
        m.put("parity", r.parity().wireName());
        m.put("as_promised", r.asPromised().wireName());
        return m;
    }

    private static Map<String, Object> spans(Map<String, Span> byParty) {
        Map<String, Object> m = new TreeMap<>();
        byParty.forEach((party, s) -> m.put(party, span(s)));
        return m;
    }

    /** A count as the lowest and highest figure the sources give, and as it reads ("22-23"). */
    private static Map<String, Object> span(Span s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", s.low());
        m.put("high", s.high());
        m.put("text", s.toString());
        return m;
    }

    static Map<String, Object> statement(Statement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("source", s.source());
        m.put("language", s.language());
        m.put("published", Views.date(s.published()));
        m.put("location", s.location());
        return m;
    }
}
