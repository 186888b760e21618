package org.truce.agreement;

/**
 * A demand of one party. Kept apart from commitments on purpose: a position is not an obligation,
 * so nothing is ever assessed against it.
 */
public record Position(String id, String party, String demand, SourceRef basis) {

    public Position {
        Require.id(id, "position id");
        Require.id(party, "position party");
        Require.text(demand, "position demand");
    }
}
