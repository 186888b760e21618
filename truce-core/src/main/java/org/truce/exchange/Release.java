package org.truce.exchange;

/**
 * Persons of one category released by one party, as one source gives it. {@code outsideParity}
 * marks a one-way handover (the severely wounded of 19 March 2025) that is not part of the
 * N-for-N count.
 */
public record Release(ExchangeCategory category, String releasedBy, int persons, boolean outsideParity) {

    public Release {
        if (category == null) {
            throw new IllegalArgumentException("a release needs a category");
        }
        Ids.require(releasedBy, "released by");
        if (persons < 0) {
            throw new IllegalArgumentException("persons released must not be negative, got " + persons);
        }
    }

    FigureKey key() {
        return new FigureKey.Released(category, releasedBy, outsideParity);
    }
}
