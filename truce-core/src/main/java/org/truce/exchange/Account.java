package org.truce.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.agreement.SourceRef;

/**
 * One source's figures for one exchange: the statement they come from, whether it announced or
 * reported the exchange, the persons released per category and party, and the name lists.
 */
public record Account(SourceRef statement, AccountKind kind, List<Release> releases, List<NameListCount> nameLists) {

    public Account {
        if (statement == null || kind == null) {
            throw new IllegalArgumentException("an account needs a statement and a kind");
        }
        releases = List.copyOf(releases);
        nameLists = List.copyOf(nameLists);
        Set<FigureKey> seen = new HashSet<>();
        for (Release r : releases) {
            if (!seen.add(r.key())) {
                throw new IllegalArgumentException("statement " + statement.statement() + " gives the figure '"
                        + r.key().describe() + "' twice");
            }
        }
        Set<String> lists = new HashSet<>();
        for (NameListCount n : nameLists) {
            if (!lists.add(n.receivedBy())) {
                throw new IllegalArgumentException("statement " + statement.statement() + " gives two name lists"
                        + " received by " + n.receivedBy());
            }
        }
        if (releases.isEmpty() && nameLists.isEmpty()) {
            throw new IllegalArgumentException("the account of " + statement.statement() + " gives no figure");
        }
    }

    /** Every figure this source gives, in the order it gives them. */
    Map<FigureKey, Integer> figures() {
        Map<FigureKey, Integer> out = new LinkedHashMap<>();
        for (Release r : releases) {
            out.put(r.key(), r.persons());
        }
        for (NameListCount n : nameLists) {
            out.put(new FigureKey.NamesReceived(n.receivedBy()), n.names());
            out.put(new FigureKey.NamesVerified(n.receivedBy()), n.verified());
        }
        return out;
    }

    List<String> parties() {
        List<String> out = new ArrayList<>();
        releases.forEach(r -> out.add(r.releasedBy()));
        nameLists.forEach(n -> out.add(n.receivedBy()));
        return out;
    }
}
