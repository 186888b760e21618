package org.truce.publication;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.assessment.Check;
import org.truce.exchange.BalanceRow;
import org.truce.exchange.Span;
import org.truce.facility.ProtectedObject;
import org.truce.incident.VerificationStatus;
import org.truce.publication.DailyReport.BalanceLine;
import org.truce.publication.DailyReport.Checkpoint;
import org.truce.publication.DailyReport.CommitmentOutOfForce;
import org.truce.publication.DailyReport.CommitmentSection;
import org.truce.publication.DailyReport.Coverage;
import org.truce.publication.DailyReport.ExchangeLine;
import org.truce.publication.DailyReport.MilestoneLine;
import org.truce.publication.DailyReport.PartyLine;
import org.truce.publication.DailyReport.TopItem;
import org.truce.publication.DailyReport.TopMember;
import org.truce.publication.DailyReport.Verification;
import org.truce.zone.Zone;

/**
 * Lays a {@link DailyReport} out as one self-contained XHTML page: inline CSS, the map and the
 * chart as PNG data URIs, nothing fetched. The same page is the input of the PDF, so both carry
 * the same content. Well-formed XML on purpose: the PDF renderer parses it as such.
 */
public final class DailyReportHtml {

    /** The font the PDF embeds under this family name; browsers fall back to their sans-serif. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private final Language language;
    private final DayMap map;

    public DailyReportHtml(Language language, List<ProtectedObject> objects, List<Zone> zones) {
        this.language = language;
        this.map = new DayMap(objects, zones);
    }

    public Language language() {
        return language;
    }

    public String render(DailyReport r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = t("title");
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language.tag()).append("\">\n")
                .append("<head>\n<meta charset=\"UTF-8\"/>\n<title>").append(esc(title + " \u2014 " + r.date()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p class=\"subtitle\">").append(esc(t("subtitle", r.agreementTitle(), language.date(r.date()))))
                .append("</p>\n");
        b.append("<p class=\"intro\">").append(esc(t("intro"))).append("</p>\n");

        b.append("<h2>").append(esc(t("section.commitments"))).append("</h2>\n");
        if (r.inForce().isEmpty()) {
            b.append("<p>").append(esc(t("none"))).append("</p>\n");
        }
        for (CommitmentSection s : r.inForce()) {
            commitment(b, s, r.coverage());
        }
        if (!r.notInForce().isEmpty()) {
            b.append("<h2>").append(esc(t("section.notInForce"))).append("</h2>\n<ul>\n");
            for (CommitmentOutOfForce c : r.notInForce()) {
                b.append("<li>").append(esc(c.title())).append(" (<code>").append(esc(c.commitmentId()))
                        .append("</code>): ").append(esc(t("notInForce." + c.why().name()))).append("</li>\n");
            }
            b.append("</ul>\n");
        }

        b.append("<h2>").append(esc(t("section.top"))).append("</h2>\n");
        top(b, r.topItems());

        b.append("<h2>").append(esc(t("section.coverage"))).append("</h2>\n");
        coverage(b, r.coverage());

        b.append("<div class=\"figure-block\">\n<h2>").append(esc(t("section.map"))).append("</h2>\n");
        b.append("<p><img class=\"figure\" alt=\"").append(esc(t("map.caption"))).append("\" src=\"")
                .append(dataUri(map.png(r.mapPoints()))).append("\"/></p>\n");
        b.append("<p class=\"legend\">").append(esc(t("map.legend"))).append("</p>\n</div>\n");

        b.append("<div class=\"figure-block\">\n<h2>").append(esc(t("section.chart"))).append("</h2>\n");
        b.append("<p><img class=\"figure\" alt=\"").append(esc(t("chart.caption"))).append("\" src=\"")
                .append(dataUri(DayChart.png(r.last30Days()))).append("\"/></p>\n");
        chartLegend(b, r.chartParties());
        b.append("</div>\n");

        b.append("<h2>").append(esc(t("section.exchanges"))).append("</h2>\n");
        exchanges(b, r.exchanges(), r.exchangesRecorded(), r.exchangeBalances());
        b.append("<h2>").append(esc(t("section.milestones"))).append("</h2>\n");
        milestones(b, r.milestones(), r.timelineRecorded());
        b.append("<h2>").append(esc(t("section.checkpoint"))).append("</h2>\n");
        checkpoint(b, r.checkpoint());
        b.append("<p class=\"footer\">").append(esc(t("footer", language.date(r.date())))).append("</p>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private void commitment(StringBuilder b, CommitmentSection s, Coverage coverage) {
        b.append("<div class=\"commitment\">\n<h3>").append(esc(s.title())).append(" <code>")
                .append(esc(s.commitmentId())).append("</code></h3>\n");
        b.append("<p>").append(esc(t("inForceSince", language.date(s.inForceSince())))).append("</p>\n");
        b.append("<table>\n<tr><th>").append(esc(t("col.party"))).append("</th><th>").append(esc(t("col.onDay")))
                .append("</th><th>").append(esc(t("col.previous"))).append("</th><th>").append(esc(t("col.change")))
                .append("</th><th>").append(esc(t("col.total"))).append("</th></tr>\n");
        for (PartyLine p : s.parties()) {
            b.append("<tr><td>").append(esc(party(p.party()))).append("</td><td class=\"n\">").append(p.onDay())
                    .append("</td><td class=\"n\">").append(p.previousDay()).append("</td><td class=\"n\">")
                    .append(signed(p.change())).append("</td><td class=\"n\">").append(p.sinceInForce())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        verification(b, s.verification());
        b.append("<p>").append(esc(t("undetermined", s.undeterminedOnDay()))).append("</p>\n");
        if (s.possibleViolationsOnDay() == 0) {
            // Never "no violation" alone: it says only what the sources of the day could see.
            b.append("<p class=\"no-violation\">").append(esc(t("noViolation"))).append(' ')
                    .append(esc(t("noViolation.coverage", coverageSentence(coverage)))).append("</p>\n");
        }
        b.append("</div>\n");
    }

    private void verification(StringBuilder b, Verification v) {
        b.append("<p>").append(esc(t("verification", v.verified(), v.notVerified(),
                v.count(VerificationStatus.CORROBORATED), v.count(VerificationStatus.REPORTED),
                v.count(VerificationStatus.DISPUTED), v.count(VerificationStatus.REFUTED))));
        if (v.reportsInNoIncident() > 0) {
            b.append(' ').append(esc(t("verification.noIncident", v.reportsInNoIncident())));
        }
        b.append("</p>\n");
    }

    private void top(StringBuilder b, List<TopItem> items) {
        if (items.isEmpty()) {
            b.append("<p>").append(esc(t("top.none"))).append("</p>\n");
            return;
        }
        b.append("<ol class=\"top\">\n");
        for (TopItem i : items) {
            String days = i.firstDay().equals(i.lastDay()) ? language.date(i.firstDay())
                    : language.date(i.firstDay()) + " \u2013 " + language.date(i.lastDay());
            String where = i.location().isBlank() ? days : i.location() + ", " + days;
            b.append("<li><p><b>");
            if (i.incidentId() == null) {
                TopMember m = i.members().get(0);
                b.append(esc(t("top.report", i.commitmentId(), m.reportId(), source(m.sourceId()), where, party(i.party()),
                        i.fatalities())));
            } else {
                b.append(esc(t("top.incident", i.commitmentId(), i.incidentId(), t("status." + i.status().name()),
                        where, party(i.party()), i.fatalities(), i.members().size(), i.independentSources())));
            }
            b.append("</b></p>\n<p>").append(esc(t("top.reason", i.reason()))).append("</p>\n");
            if (!i.trace().isEmpty()) {
                trace(b, i.trace());
            }
            for (TopMember m : i.members()) {
                b.append("<p class=\"member\">").append(esc(m.outcome() == null
                        ? t("top.member.none", m.reportId(), source(m.sourceId()), language.date(m.day()))
                        : t("top.member", m.reportId(), source(m.sourceId()), language.date(m.day()),
                                t("outcome." + m.outcome().name()), m.reason()))).append("</p>\n");
                if (!m.trace().isEmpty()) {
                    trace(b, m.trace());
                }
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    /** A source id, or words saying it is withheld from this reader (a redacted record). */
    private String source(String sourceId) {
        return sourceId.isBlank() ? t("source.withheld") : sourceId;
    }

    private static void trace(StringBuilder b, List<Check> trace) {
        b.append("<table class=\"trace\">\n");
        for (Check c : trace) {
            b.append("<tr><td>").append(esc(c.condition())).append("</td><td class=\"verdict ")
                    .append(c.verdict().wireName()).append("\">").append(esc(c.verdict().wireName()))
                    .append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void coverage(StringBuilder b, Coverage c) {
        b.append("<ul class=\"coverage\">\n");
        for (String line : coverageLines(c)) {
            b.append("<li>").append(esc(line)).append("</li>\n");
        }
        b.append("</ul>\n<p class=\"legend\">").append(esc(t("coverage.areasNote"))).append("</p>\n");
    }

    /** The coverage of the day, one sentence per line. */
    List<String> coverageLines(Coverage c) {
        List<String> lines = new ArrayList<>();
        if (c.reportsWithSourceWithheld() > 0) {
            // The number of sources would be a guess: the withheld ones cannot be told apart.
            lines.add(t("coverage.summaryWithheld", c.reportsOnDay(), c.reportsWithSourceWithheld()));
            if (!c.sourcesOnDay().isEmpty()) {
                lines.add(t("coverage.sources", String.join(", ", c.sourcesOnDay())));
            }
        } else {
            lines.add(t("coverage.summary", c.reportsOnDay(), c.sourcesOnDay().size()));
            lines.add(c.sourcesOnDay().isEmpty() ? t("coverage.noSources")
                    : t("coverage.sources", String.join(", ", c.sourcesOnDay())));
        }
        if (c.areasObservedOnDay().isEmpty() && c.areasWithoutObservation().isEmpty()) {
            // No area named anywhere in 30 days: silence cannot be told from absence of names.
            lines.add(t("coverage.noAreas"));
        } else {
            lines.add(t("coverage.observed", c.areasObservedOnDay().isEmpty() ? t("none")
                    : String.join(", ", c.areasObservedOnDay())));
            lines.add(c.areasWithoutObservation().isEmpty() ? t("coverage.noneSilent")
                    : t("coverage.silent", String.join(", ", c.areasWithoutObservation())));
        }
        if (c.reportsWithoutArea() > 0) {
            lines.add(t("coverage.noArea", c.reportsWithoutArea()));
        }
        return lines;
    }

    private String coverageSentence(Coverage c) {
        return String.join(" ", coverageLines(c));
    }

    private void chartLegend(StringBuilder b, List<String> parties) {
        b.append("<p class=\"legend\">").append(esc(t("chart.legend"))).append(' ');
        for (int i = 0; i < parties.size(); i++) {
            java.awt.Color c = DayChart.colourOf(i, parties.size());
            b.append("<span class=\"swatch\" style=\"background-color:")
                    .append(String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()))
                    .append("\">\u00a0\u00a0\u00a0</span>\u00a0").append(esc(party(parties.get(i))))
                    .append(i < parties.size() - 1 ? "; " : "");
        }
        b.append("</p>\n");
    }

    private void exchanges(StringBuilder b, List<ExchangeLine> lines, boolean recorded, List<BalanceLine> balances) {
        if (lines.isEmpty()) {
            b.append("<p>").append(esc(t("exchange.none"))).append("</p>\n");
            return;
        }
        b.append("<ul>\n");
        for (ExchangeLine x : lines) {
            b.append("<li>").append(esc(t("exchange.line", language.date(x.date()), x.title(), x.perSide(),
                    x.transferred()))).append("</li>\n");
        }
        b.append("</ul>\n");
        if (!recorded) {
            b.append("<p>").append(esc(t("exchange.notAvailable"))).append("</p>\n");
            return;
        }
        for (BalanceLine line : balances) {
            BalanceRow row = line.balance();
            b.append("<p>").append(esc(row == null ? t("exchange.noneCarried", line.title())
                    : t("exchange.balance", line.title(), row.exchange(), language.date(row.date()),
                            spans(row.releasedInParity()), spans(row.releasedOutsideParity()), row.promisedPerSide(),
                            t("ledger." + row.parity().name()), t("ledger." + row.asPromised().name()))))
                    .append("</p>\n");
        }
        b.append("<p class=\"legend\">").append(esc(t("exchange.note"))).append("</p>\n");
    }

    /** Party by party in id order, each count as the span the sources give ("22-23"). */
    private static String spans(Map<String, Span> byParty) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(byParty).forEach((party, span) -> parts.add(party + " " + span));
        return String.join(", ", parts);
    }

    private void milestones(StringBuilder b, List<MilestoneLine> lines, boolean recorded) {
        if (lines.isEmpty()) {
            b.append("<p>").append(esc(t(recorded ? "milestone.noneDue" : "milestone.none"))).append("</p>\n");
            return;
        }
        b.append("<ul>\n");
        for (MilestoneLine m : lines) {
            b.append("<li>").append(esc(m.due() == null ? t("milestone.noDue", m.description())
                    : t("milestone.line", m.description(), language.date(m.due())))).append(' ');
            String status;
            if (m.milestoneId() == null) {
                status = t(recorded ? "milestone.notInTimeline" : "milestone.notAvailable");
            } else if (m.status() == null) {
                status = t("milestone.noStatus");
            } else {
                status = t("milestone.status", t("implementation." + m.status().name()), language.date(m.statusSince()),
                        m.source());
            }
            b.append(esc(status)).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private void checkpoint(StringBuilder b, Checkpoint c) {
        if (c == null) {
            b.append("<p>").append(esc(t("checkpoint.none"))).append("</p>\n");
            return;
        }
        b.append("<p>").append(esc(t("checkpoint.value", c.seq(), c.origin(), c.signedAt().toString(), c.size())))
                .append(" <code class=\"hash\">").append(esc(c.rootHex())).append("</code></p>\n");
        b.append("<p class=\"legend\">").append(esc(t("checkpoint.note"))).append("</p>\n");
    }

    private String party(String id) {
        return id.isEmpty() ? t("party.none") : id;
    }

    private String t(String key, Object... args) {
        return language.text(key, args);
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "0";
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters; a report's notes may carry them.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 16mm 15mm 18mm 15mm; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; line-height: 1.35; }
            h1 { font-size: 18pt; margin: 0 0 2pt 0; }
            h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; }
            h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; }
            p { margin: 3pt 0; }
            code { font-size: 8.5pt; color: #444; }
            .subtitle { font-size: 11pt; color: #333; }
            .intro, .legend, .footer { font-size: 8.5pt; color: #444; }
            .footer { margin-top: 14pt; border-top: 1px solid #ccc; padding-top: 3pt; }
            table { border-collapse: collapse; margin: 3pt 0; }
            th, td { border: 1px solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: top; }
            th { background-color: #eee; }
            td.n { text-align: right; }
            table.trace { font-size: 8pt; width: 100%; }
            td.verdict.holds { color: #1e6b35; }
            td.verdict.fails { color: #9b1c1c; }
            td.verdict.unknown { color: #a35c00; }
            .no-violation { background-color: #f3f6ee; border-left: 3pt solid #6b8e23; padding: 3pt 6pt; }
            .commitment, .figure-block { page-break-inside: avoid; }
            ol.top > li { margin-bottom: 6pt; }
            table.trace, p.member { page-break-inside: avoid; }
            h2, h3 { page-break-after: avoid; }
            img.figure { width: 100%; }
            .swatch { font-size: 8pt; }
            p.member { font-size: 8.5pt; margin-top: 4pt; }
            code.hash { font-size: 7.5pt; word-wrap: break-word; }
            """;
}
