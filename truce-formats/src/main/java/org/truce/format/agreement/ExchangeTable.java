package org.truce.format.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.truce.agreement.Statement;
import org.truce.exchange.BalanceRow;
import org.truce.exchange.Discrepancy;
import org.truce.exchange.Exchange;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.Figure;
import org.truce.exchange.ParityBalance;
import org.truce.exchange.Span;

/**
 * An exchange ledger as plain text for {@code truce agreement show}: each exchange with every
 * source's figures side by side, the running N-for-N balance per commitment, and the figures on
 * which the sources disagree, listed as such and never averaged.
 */
public final class ExchangeTable {

    private ExchangeTable() {
    }

    public static String render(ExchangeLedger ledger) {
        StringBuilder out = new StringBuilder();
        out.append("\nExchanges (").append(ledger.exchanges().size()).append(")\n");
        for (Exchange x : ledger.exchanges()) {
            out.append("\nExchange ").append(x.id()).append(" on ").append(x.date()).append(": commitment ")
                    .append(x.commitment()).append(", stage ").append(x.stage())
                    .append(x.mediator().isEmpty() ? "" : ", mediator " + x.mediator()).append('\n');
            if (!x.note().isEmpty()) {
                TextTable.wrap(x.note(), AgreementTable.WIDTH).forEach(l -> out.append(l).append('\n'));
            }
            TextTable figures = new TextTable(List.of("FIGURE", "SOURCES", "WHAT EACH SOURCE SAYS"), 42, 9,
                    AgreementTable.WIDTH);
            for (Figure f : x.figures()) {
                List<String> said = new ArrayList<>();
                for (Figure.Stated s : f.stated()) {
                    said.add(s.value() + " " + s.statement() + " (" + s.kind().wireName() + ")");
                }
                figures.row(f.key().describe(), f.agrees() ? "agree" : "DISAGREE", String.join("\n", said));
            }
            out.append(figures.render(AgreementTable.WIDTH));
        }

        for (ParityBalance b : ledger.balances()) {
            out.append("\nN-for-N balance of ").append(b.commitment())
                    .append(" (cumulative; a-b: the lowest and highest figure the sources give)\n");
            List<String> headers = new ArrayList<>(List.of("AFTER", "PROMISED/SIDE"));
            b.parties().forEach(p -> headers.add(p));
            headers.addAll(List.of("PARITY", "OUTSIDE PARITY", "AS PROMISED"));
            int[] widths = new int[headers.size()];
            Arrays.fill(widths, 20);
            widths[headers.size() - 2] = 36;
            TextTable rows = new TextTable(headers, widths);
            for (BalanceRow r : b.rows()) {
                List<String> cells = new ArrayList<>(List.of(r.exchange()
                        + (r.exchange().equals(r.date().toString()) ? "" : "\n" + r.date()),
                        String.valueOf(r.promisedPerSide())));
                b.parties().forEach(p -> cells.add(r.releasedInParity().getOrDefault(p, Span.ZERO).toString()));
                cells.add(r.parity().wireName());
                cells.add(outside(b.parties(), r.releasedOutsideParity(), r.promisedOutsideParity()));
                cells.add(r.asPromised().wireName());
                rows.row(cells.toArray(String[]::new));
            }
            out.append(rows.render(AgreementTable.WIDTH));
        }

        out.append("\nDiscrepancies between sources\n");
        List<Discrepancy> discrepancies = ledger.discrepancies();
        if (discrepancies.isEmpty()) {
            out.append("  none\n");
        }
        for (Discrepancy d : discrepancies) {
            TextTable.wrap("  " + d.exchange() + ": " + d.describe(), AgreementTable.WIDTH)
                    .forEach(l -> out.append(l).append('\n'));
        }

        out.append("\nSources of the figures\n");
        TextTable sources = new TextTable(List.of("STATEMENT", "SOURCE"), 28, AgreementTable.WIDTH);
        ledger.exchanges().stream().flatMap(x -> x.accounts().stream()).map(a -> a.statement().statement())
                .distinct().forEach(id -> {
                    Statement s = ledger.getStatement(id);
                    sources.row(id, s.source());
                });
        out.append(sources.render(AgreementTable.WIDTH));
        return out.toString();
    }

    private static String outside(List<String> parties, Map<String, Span> released, Map<String, Integer> promised) {
        List<String> lines = new ArrayList<>();
        for (String p : parties) {
            Span s = released.getOrDefault(p, Span.ZERO);
            int promisedBy = promised.getOrDefault(p, 0);
            if (s.high() > 0 || promisedBy > 0) {
                lines.add("by " + p + ": " + s + " (promised " + promisedBy + ")");
            }
        }
        return lines.isEmpty() ? "-" : String.join("\n", lines);
    }
}
