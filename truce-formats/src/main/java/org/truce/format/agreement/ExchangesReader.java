package org.truce.format.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;
import org.truce.exchange.Account;
import org.truce.exchange.AccountKind;
import org.truce.exchange.Exchange;
import org.truce.exchange.ExchangeCategory;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.NameListCount;
import org.truce.exchange.Release;

/** Turns the JSON tree of an exchanges file (docs/exchanges-timeline-sea.md) into an {@link ExchangeLedger}. */
final class ExchangesReader extends CompanionReader {

    private static final Set<String> TOP = fields("agreement", "statements", "exchanges");
    private static final Set<String> EXCHANGE = fields("id", "commitment", "stage", "date", "mediator", "note",
            "accounts");
    private static final Set<String> ACCOUNT = fields("source", "kind", "released", "name_lists");
    private static final Set<String> RELEASE = fields("by", "category", "persons", "outside_parity");
    private static final Set<String> NAME_LIST = fields("received_by", "names", "verified");

    private final Set<String> exchangeIds = new HashSet<>();

    ExchangesReader(Problems problems, Agreement agreement) {
        super(problems, agreement);
    }

    /** The ledger, or null when any problem was found. */
    ExchangeLedger read(JsonNode root) {
        ObjectFields top = ObjectFields.of(root, JsonPath.ROOT, problems, "an exchanges file");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, "an exchanges file");
        agreementId(top);
        List<Statement> statements = statements(top);
        List<Exchange> exchanges = top.objects("exchanges", true, "exchange", this::exchange);
        checkStatementRefs();
        if (problems.count() > 0) {
            return null;
        }
        return build(JsonPath.ROOT, () -> new ExchangeLedger(agreement, statements, exchanges));
    }

    private Exchange exchange(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(EXCHANGE, "an exchange");
        String id = o.id("id", true);
        if (id != null && !exchangeIds.add(id)) {
            problems.add(o.path("id"), "duplicate exchange id \"" + id + "\"");
        }
        String commitment = o.id("commitment", true);
        PrisonerExchange promised = commitment == null ? null : prisonerExchange(o, commitment);
        Integer stage = o.integer("stage", true, 1);
        if (promised != null && stage != null && stage > promised.stages().size()) {
            problems.add(o.path("stage"), "commitment " + commitment + " has " + promised.stages().size()
                    + " stage(s); expected a stage from 1 to " + promised.stages().size() + ", found " + stage);
        }
        LocalDate date = o.date("date", true);
        String mediator = o.text("mediator", false);
        String note = o.text("note", false);
        List<String> parties = promised == null ? null : promised.terms().parties().stream().map(PartyStatus::party).toList();
        List<Account> accounts = o.objects("accounts", true, "account", a -> account(a, parties));
        return problems.count() > before ? null
                : build(o.path(), () -> new Exchange(id, commitment, stage, date, mediator, note, accounts));
    }

    private PrisonerExchange prisonerExchange(ObjectFields o, String id) {
        var found = agreement.findCommitment(id);
        if (found.isPresent() && found.get() instanceof PrisonerExchange p) {
            return p;
        }
        List<String> exchanges = agreement.commitments().stream().filter(c -> c instanceof PrisonerExchange)
                .map(c -> c.id()).toList();
        problems.add(o.path("commitment"), (found.isPresent() ? "commitment \"" + id + "\" is a "
                + found.get().kind().wireName() : "no commitment \"" + id + "\" in agreement " + agreement.id())
                + "; expected a prisoner_exchange: " + (exchanges.isEmpty() ? "none in the agreement"
                        : String.join(", ", exchanges)));
        return null;
    }

    private Account account(ObjectFields o, List<String> parties) {
        int before = problems.count();
        o.allowOnly(ACCOUNT, "an account");
        SourceRef source = source(o, true);
        AccountKind kind = o.choice("kind", true, wireNames(AccountKind.values()));
        List<Release> releases = o.objects("released", false, "release", r -> release(r, parties));
        List<NameListCount> lists = o.objects("name_lists", false, "name list", n -> nameList(n, parties));
        if (!o.has("released") && !o.has("name_lists")) {
            problems.missing(o.path("released"), "released or name_lists: an account gives at least one figure");
        }
        return problems.count() > before ? null : build(o.path(), () -> new Account(source, kind, releases, lists));
    }

    private Release release(ObjectFields o, List<String> parties) {
        int before = problems.count();
        o.allowOnly(RELEASE, "a release");
        String by = party(o, "by", parties);
        ExchangeCategory category = o.choice("category", true, categories());
        Integer persons = o.integer("persons", true, 0);
        Boolean outside = o.bool("outside_parity", false);
        return problems.count() > before ? null
                : build(o.path(), () -> new Release(category, by, persons, Boolean.TRUE.equals(outside)));
    }

    private NameListCount nameList(ObjectFields o, List<String> parties) {
        int before = problems.count();
        o.allowOnly(NAME_LIST, "a name list");
        String receivedBy = party(o, "received_by", parties);
        Integer names = o.integer("names", true, 0);
        Integer verified = o.integer("verified", true, 0);
        if (names != null && verified != null && verified > names) {
            problems.add(o.path("verified"), "expected at most the " + names + " names received, found " + verified);
        }
        return problems.count() > before ? null : build(o.path(), () -> new NameListCount(receivedBy, names, verified));
    }

    /** A party of the exchange's commitment; {@code parties} is null when the commitment is already reported. */
    private String party(ObjectFields o, String name, List<String> parties) {
        String id = o.id(name, true);
        if (id != null && parties != null && !parties.contains(id)) {
            problems.add(o.path(name), "\"" + id + "\" is not a party to the commitment; expected one of "
                    + String.join(", ", parties));
        }
        return id;
    }

    private static Map<String, ExchangeCategory> categories() {
        Map<String, ExchangeCategory> out = new LinkedHashMap<>();
        for (ExchangeCategory c : ExchangeCategory.values()) {
            out.put(c.wireName(), c);
        }
        return out;
    }

    private static Map<String, AccountKind> wireNames(AccountKind[] values) {
        Map<String, AccountKind> out = new LinkedHashMap<>();
        for (AccountKind k : values) {
            out.put(k.wireName(), k);
        }
        return out;
    }
}
