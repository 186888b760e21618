package org.truce.agreement;

import java.time.LocalDate;

/** A party's stance on one commitment, since when, and on what source. */
public record PartyStatus(String party, Stance stance, LocalDate since, SourceRef basis) {

    public PartyStatus {
        Require.id(party, "party");
        Require.present(stance, "stance");
    }

    /** Only an accepted commitment binds; a proposal or a conditional "yes" does not. */
    public boolean binds() {
        return stance == Stance.ACCEPTED;
    }
}
