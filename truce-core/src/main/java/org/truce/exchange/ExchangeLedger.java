package org.truce.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.Statement;

/**
 * The exchanges carried out under an agreement's prisoner-exchange commitments, with every
 * source's figures side by side, the discrepancies between sources, and the running N-for-N
 * balance of each commitment. Immutable; checks on construction that every exchange refers to a
 * prisoner exchange of the agreement, one of its stages, its parties and known statements.
 */
public final class ExchangeLedger {

    private final Agreement agreement;
    private final Map<String, Statement> statements;
    private final List<Exchange> exchanges;

    /**
     * @param ownStatements statements the exchange file declares besides the agreement's own
     */
    public ExchangeLedger(Agreement agreement, List<Statement> ownStatements, List<Exchange> exchanges) {
        this.agreement = agreement;
        Map<String, Statement> known = new LinkedHashMap<>();
        agreement.statements().forEach(s -> known.put(s.id(), s));
        for (Statement s : ownStatements) {
            if (known.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("statement " + s.id() + " is declared twice");
            }
        }
        this.statements = Map.copyOf(known);
        Set<String> ids = new HashSet<>();
        for (Exchange x : exchanges) {
            if (!ids.add(x.id())) {
                throw new IllegalArgumentException("exchange id " + x.id() + " is used twice");
            }
            check(x);
        }
        this.exchanges = exchanges.stream().sorted(Comparator.comparing(Exchange::date)).toList();
    }

    private void check(Exchange x) {
        PrisonerExchange c = prisonerExchange(x.commitment()).orElseThrow(() -> new IllegalArgumentException(
                "exchange " + x.id() + ": " + x.commitment() + " is not a prisoner_exchange commitment of agreement "
                        + agreement.id()));
        if (x.stage() > c.stages().size()) {
            throw new IllegalArgumentException("exchange " + x.id() + ": commitment " + c.id() + " has "
                    + c.stages().size() + " stage(s), not " + x.stage());
        }
        List<String> parties = parties(c);
        for (Account a : x.accounts()) {
            if (!statements.containsKey(a.statement().statement())) {
                throw new IllegalArgumentException("exchange " + x.id() + ": unknown statement "
                        + a.statement().statement());
            }
            for (String p : a.parties()) {
                if (!parties.contains(p)) {
                    throw new IllegalArgumentException("exchange " + x.id() + ": " + p + " is not a party to "
                            + c.id() + " (" + String.join(", ", parties) + ")");
                }
            }
        }
    }

    private Optional<PrisonerExchange> prisonerExchange(String id) {
        for (Commitment c : agreement.commitments()) {
            if (c.id().equals(id) && c instanceof PrisonerExchange p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> parties(PrisonerExchange c) {
        return c.terms().parties().stream().map(PartyStatus::party).toList();
    }

    /** The exchanges in date order. */
    public List<Exchange> exchanges() {
        return exchanges;
    }

    public Statement getStatement(String id) {
        Statement s = statements.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown statement " + id);
        }
        return s;
    }

    /** Every figure on which the sources disagree, per exchange in date order. */
    public List<Discrepancy> discrepancies() {
        List<Discrepancy> out = new ArrayList<>();
        for (Exchange x : exchanges) {
            x.discrepancies().forEach(f -> out.add(new Discrepancy(x.id(), f)));
        }
        return out;
    }

    /** The running balance of every prisoner-exchange commitment that has exchanges, in agreement order. */
    public List<ParityBalance> balances() {
        List<ParityBalance> out = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            if (c instanceof PrisonerExchange p && exchanges.stream().anyMatch(x -> x.commitment().equals(p.id()))) {
                out.add(balance(p));
            }
        }
        return out;
    }

    private ParityBalance balance(PrisonerExchange c) {
        List<String> parties = parties(c);
        Map<String, Span> inParity = new HashMap<>();
        Map<String, Span> outside = new HashMap<>();
        parties.forEach(p -> {
            inParity.put(p, Span.ZERO);
            outside.put(p, Span.ZERO);
        });
        int stagesDone = 0;
        List<BalanceRow> rows = new ArrayList<>();
        for (Exchange x : exchanges) {
            if (!x.commitment().equals(c.id())) {
                continue;
            }
            for (Figure f : x.figures()) {
                if (f.key() instanceof FigureKey.Released r) {
                    (r.outsideParity() ? outside : inParity).merge(r.releasedBy(), f.span(), Span::plus);
                }
            }
            stagesDone = Math.max(stagesDone, x.stage());
            int promised = 0;
            Map<String, Integer> promisedOutside = new HashMap<>();
            for (ExchangeStage s : c.stages().subList(0, stagesDone)) {
                promised += s.perSide();
                s.transfers().forEach(t -> promisedOutside.merge(t.fromParty(), t.persons(), Integer::sum));
            }
            rows.add(new BalanceRow(x.id(), x.date(), inParity, promised, outside, promisedOutside,
                    parity(inParity.values()), asPromised(inParity, promised, outside, promisedOutside)));
        }
        return new ParityBalance(c.id(), parties, rows);
    }

    /** Equal on every source's figures, unequal on every one, or either depending on the source. */
    private static LedgerCheck parity(Collection<Span> spans) {
        int maxLow = spans.stream().mapToInt(Span::low).max().orElse(0);
        int minHigh = spans.stream().mapToInt(Span::high).min().orElse(0);
        if (maxLow > minHigh) {
            return LedgerCheck.FAILS;
        }
        boolean allExact = spans.stream().allMatch(Span::exact);
        return allExact ? LedgerCheck.HOLDS : LedgerCheck.DEPENDS_ON_SOURCE;
    }

    private static LedgerCheck asPromised(Map<String, Span> inParity, int promised, Map<String, Span> outside,
            Map<String, Integer> promisedOutside) {
        List<LedgerCheck> checks = new ArrayList<>();
        inParity.values().forEach(s -> checks.add(against(s, promised)));
        outside.forEach((party, s) -> checks.add(against(s, promisedOutside.getOrDefault(party, 0))));
        if (checks.contains(LedgerCheck.FAILS)) {
            return LedgerCheck.FAILS;
        }
        return checks.contains(LedgerCheck.DEPENDS_ON_SOURCE) ? LedgerCheck.DEPENDS_ON_SOURCE : LedgerCheck.HOLDS;
    }

    private static LedgerCheck against(Span s, int promised) {
        if (!s.includes(promised)) {
            return LedgerCheck.FAILS;
        }
        return s.exact() ? LedgerCheck.HOLDS : LedgerCheck.DEPENDS_ON_SOURCE;
    }
}
