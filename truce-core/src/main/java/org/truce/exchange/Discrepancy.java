package org.truce.exchange;

/** A figure of an exchange on which its sources disagree, with what each of them says. */
public record Discrepancy(String exchange, Figure figure) {

    /** "released by RU: wounded (outside parity): 23 (seed-2025-03-19-fr), 22 (ru-mod-2025-03-19)". */
    public String describe() {
        StringBuilder b = new StringBuilder(figure.key().describe()).append(": ");
        for (int i = 0; i < figure.stated().size(); i++) {
            Figure.Stated s = figure.stated().get(i);
            b.append(i == 0 ? "" : ", ").append(s.value()).append(" (").append(s.statement()).append(')');
        }
        return b.toString();
    }
}
