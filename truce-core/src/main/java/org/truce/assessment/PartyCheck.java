package org.truce.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;

/**
 * Who the report says acted, and whether that party was bound by the commitment on the day.
 * The actor is the source's claim: the trace says "claimed", never "proven".
 */
final class PartyCheck {

    static final String CONDITION = "party bound";
    private static final int CACHE_LIMIT = 100_000;
    /** The same for every report; made once, as a bulk run asks on every finding. */
    private static final Check BINDS_WHOEVER_ACTS =
            Check.holds(CONDITION, "the commitment names no parties: it binds whoever acts");

    private final List<Party> parties;
    /** Actor names repeat endlessly in real data; remember their party (or "" for none). */
    private final Map<String, String> partyOfActor = new ConcurrentHashMap<>();

    PartyCheck(Agreement agreement) {
        this.parties = agreement.parties();
    }

    String partyOf(String actor) {
        String cached = partyOfActor.get(actor);
        if (cached != null) {
            return cached;
        }
        String found = "";
        for (Party p : parties) {
            if (p.isActor(actor)) {
                found = p.id();
                break;
            }
        }
        if (partyOfActor.size() < CACHE_LIMIT) {
            partyOfActor.put(actor, found);
        }
        return found;
    }

    Check check(CommitmentTerms terms, String party, String actor, LocalDate day) {
        if (!terms.namesParties()) {
            return BINDS_WHOEVER_ACTS;
        }
        if (party.isEmpty()) {
            return Check.unknown(CONDITION, "actor '" + actor + "' is not attributed to a party of the agreement");
        }
        var status = terms.statusOf(party);
        if (status.isEmpty()) {
            return Check.fails(CONDITION, "claimed actor's party " + party + " is not a party to this commitment");
        }
        PartyStatus s = status.get();
        if (!s.binds()) {
            return Check.fails(CONDITION, party + " is not bound (stance " + s.stance().wireName() + ")");
        }
        if (s.since() != null && s.since().isAfter(day)) {
            return Check.fails(CONDITION, party + " bound only from " + s.since());
        }
        if (terms.hasReciprocity()) {
            for (PartyStatus other : terms.parties()) {
                if (!other.binds() || (other.since() != null && other.since().isAfter(day))) {
                    return Check.fails(CONDITION, "reciprocal commitment not in force: " + other.party()
                            + " not bound (stance " + other.stance().wireName() + ")");
                }
            }
        }
        return Check.holds(CONDITION, "claimed actor " + party + " accepted"
                + (s.since() == null ? "" : " on " + s.since()));
    }
}
