package org.truce.format.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.Condition;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Position;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.ProcessMilestone;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.WindowReading;

/**
 * An agreement as plain text for {@code truce agreement show FILE}: who the parties are, one row
 * per commitment (id and kind, stances, window readings, the detail a monitor checks), and the
 * positions in a section of their own, because a demand of one party binds nobody.
 */
public final class AgreementTable {

    /** Fits a common 120-column terminal. */
    public static final int WIDTH = 120;

    private AgreementTable() {
    }

    public static String render(Agreement a) {
        StringBuilder out = new StringBuilder();
        paragraph(out, "Agreement " + a.id() + (a.title().isEmpty() ? "" : ": " + a.title()));
        paragraph(out, "Parties: " + (a.parties().isEmpty() ? "none listed (commitments bind whoever acts)"
                : a.parties().stream().map(p -> p.id() + " " + p.name()).collect(Collectors.joining("; "))));
        if (!a.statements().isEmpty()) {
            out.append("\nStatements\n");
            TextTable statements = new TextTable(List.of("ID", "PUBLISHED", "SOURCE"), 28, 10, WIDTH);
            for (Statement s : a.statements()) {
                statements.row(s.id(), s.published() == null ? "-" : s.published().toString(), describe(s));
            }
            out.append(statements.render(WIDTH));
        }

        out.append("\nCommitments (").append(a.commitments().size()).append(")\n");
        TextTable commitments = new TextTable(
                List.of("ID / KIND", "PARTIES: STANCE SINCE", "WINDOWS: FROM..UNTIL (EXCL.)", "DETAIL"), 24, 24, 35, WIDTH);
        for (Commitment c : a.commitments()) {
            commitments.row(c.id() + "\n" + c.kind().wireName(), parties(c.terms()), windows(c.terms()), detail(c));
        }
        out.append(commitments.render(WIDTH));

        out.append("\nPositions (demands of one party, not obligations)\n");
        if (a.positions().isEmpty()) {
            out.append("  none\n");
        } else {
            TextTable positions = new TextTable(List.of("ID", "PARTY", "DEMAND", "SOURCE"), 32, 6, 40, WIDTH);
            for (Position p : a.positions()) {
                positions.row(p.id(), p.party(), p.demand(), source(p.basis()));
            }
            out.append(positions.render(WIDTH));
        }
        return out.toString();
    }

    private static String parties(CommitmentTerms t) {
        List<String> lines = new ArrayList<>();
        if (!t.namesParties()) {
            lines.add("whoever acts");
        }
        for (PartyStatus s : t.parties()) {
            lines.add(s.party() + " " + s.stance().wireName() + (s.since() == null ? "" : " " + s.since()));
        }
        if (!t.proposedBy().isEmpty()) {
            lines.add("proposed by " + String.join(", ", t.proposedBy()));
        }
        return String.join("\n", lines);
    }

    private static String windows(CommitmentTerms t) {
        if (t.readings().isEmpty()) {
            return "-";
        }
        List<String> lines = new ArrayList<>();
        for (WindowReading r : t.readings()) {
            String until = r.window().isOpenEnded() ? "open" : r.window().untilExclusive().toString();
            String stated = r.window().statedDuration();
            lines.add(r.label() + " " + r.window().from() + ".." + until + (stated.isEmpty() ? "" : " (" + stated + ")"));
        }
        return String.join("\n", lines);
    }

    private static String detail(Commitment c) {
        List<String> lines = new ArrayList<>();
        // A milestone's description says more than its title; other kinds have only the title.
        if (c.kind() != CommitmentKind.PROCESS_MILESTONE && !c.terms().title().isEmpty()) {
            lines.add(c.terms().title());
        }
        switch (c.kind()) {
            case STRIKE_MORATORIUM -> {
                StrikeMoratorium m = (StrikeMoratorium) c;
                lines.add("protects " + m.protectedCategoryPrefixes().stream().map(p -> p + "*")
                        .collect(Collectors.joining(", ")) + " within " + metres(m.radius_m()));
                lines.add("events: " + sorted(m.eventTypes()));
            }
            case CEASEFIRE_ZONE -> {
                CeasefireZone z = (CeasefireZone) c;
                lines.add("within " + metres(z.buffer_m()) + " of "
                        + (z.zone() == null ? "the line of contact" : "zone " + z.zone()));
                lines.add("events: " + sorted(z.eventTypes()));
            }
            case NAVIGATION_SAFETY_AREA -> {
                NavigationSafetyArea n = (NavigationSafetyArea) c;
                lines.add("zone " + n.zone() + " + " + metres(n.buffer_m()));
                lines.add("targets: " + n.targetCategoryPrefixes().stream().map(p -> p + "*")
                        .collect(Collectors.joining(", ")) + ", registered ones within " + metres(n.radius_m()));
                lines.add("events: " + sorted(n.eventTypes())
                        + (n.subEventTypes().isEmpty() ? "" : " (" + sorted(n.subEventTypes()) + ")"));
            }
            case PRISONER_EXCHANGE -> {
                for (ExchangeStage s : ((PrisonerExchange) c).stages()) {
                    lines.add(s.date() + ": " + exchangeNumbers(s));
                }
            }
            case PROCESS_MILESTONE -> {
                ProcessMilestone m = (ProcessMilestone) c;
                lines.add(m.step().wireName() + ", " + (m.due() == null ? "no due date" : "due " + m.due()));
                lines.add(m.description());
            }
        }
        for (Condition condition : c.terms().conditions()) {
            lines.add((condition instanceof Condition.Stated ? "condition: " : "") + condition.describe());
        }
        SourceRef basis = c.terms().basis();
        if (basis != null) {
            // The note is left to the file: here the reference is enough to look the fact up.
            lines.add("source: " + basis.statement() + (basis.sentence() == null ? "" : ", sentence " + basis.sentence()));
        }
        return String.join("\n", lines);
    }

    /** "175 for 175 + 23 wounded (RU->UA)": the parity count, then the one-way transfers. */
    private static String exchangeNumbers(ExchangeStage s) {
        StringBuilder text = new StringBuilder().append(s.perSide()).append(" for ").append(s.perSide());
        for (ExchangeStage.Transfer t : s.transfers()) {
            text.append(" + ").append(t.persons()).append(' ').append(t.who().isEmpty() ? "persons" : t.who())
                    .append(" (").append(t.fromParty()).append("->").append(t.toParty()).append(')');
        }
        return text.toString();
    }

    private static String source(SourceRef ref) {
        if (ref == null) {
            return "-";
        }
        return ref.statement() + (ref.sentence() == null ? "" : ", sentence " + ref.sentence())
                + (ref.note().isEmpty() ? "" : ": " + ref.note());
    }

    private static String describe(Statement s) {
        return s.source() + (s.language().isEmpty() ? "" : " [" + s.language() + "]")
                + (s.location().isEmpty() ? "" : " " + s.location());
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String metres(double m) {
        return (m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m)) + " m";
    }

    private static void paragraph(StringBuilder out, String text) {
        TextTable.wrap(text, WIDTH).forEach(line -> out.append(line).append('\n'));
    }
}
