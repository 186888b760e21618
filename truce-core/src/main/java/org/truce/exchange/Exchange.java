package org.truce.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One prisoner exchange as it was carried out (or announced): which commitment and which of its
 * stages it carries out, on what day, through which mediator, and every source's figures for it.
 * The exchange keeps no figure of its own: what it amounts to is what the sources say.
 */
public record Exchange(
        String id, String commitment, int stage, LocalDate date, String mediator, String note, List<Account> accounts) {

    public Exchange {
        Ids.require(id, "exchange id");
        Ids.require(commitment, "exchange commitment");
        if (stage < 1) {
            throw new IllegalArgumentException("exchange " + id + ": stages are numbered from 1, got " + stage);
        }
        if (date == null) {
            throw new IllegalArgumentException("exchange " + id + " needs a date");
        }
        mediator = mediator == null ? "" : mediator;
        note = note == null ? "" : note;
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("exchange " + id + " has no account from any source");
        }
        Set<String> statements = new HashSet<>();
        for (Account a : accounts) {
            if (!statements.add(a.statement().statement())) {
                throw new IllegalArgumentException("exchange " + id + " has two accounts from statement "
                        + a.statement().statement());
            }
        }
    }

    /** Every figure any source gives, each with all the sources that give it, in first-seen order. */
    public List<Figure> figures() {
        Map<FigureKey, List<Figure.Stated>> byKey = new LinkedHashMap<>();
        for (Account a : accounts) {
            a.figures().forEach((key, value) -> byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Figure.Stated(a.statement().statement(), a.kind(), value)));
        }
        List<Figure> out = new ArrayList<>(byKey.size());
        byKey.forEach((key, stated) -> out.add(new Figure(key, stated)));
        return out;
    }

    /** The figures on which the sources that give them disagree. */
    public List<Figure> discrepancies() {
        return figures().stream().filter(f -> !f.agrees()).toList();
    }
}
