package org.truce.exchange;

/** What a figure counts, so that the figures of several sources can be set side by side. */
public sealed interface FigureKey {

    /** How the figure reads in a table: "released by RU: wounded (outside parity)". */
    String describe();

    record Released(ExchangeCategory category, String releasedBy, boolean outsideParity) implements FigureKey {
        @Override
        public String describe() {
            return "released by " + releasedBy + ": " + category.wireName() + (outsideParity ? " (outside parity)" : "");
        }
    }

    record NamesReceived(String receivedBy) implements FigureKey {
        @Override
        public String describe() {
            return "names received by " + receivedBy;
        }
    }

    record NamesVerified(String receivedBy) implements FigureKey {
        @Override
        public String describe() {
            return "names verified by " + receivedBy;
        }
    }
}
