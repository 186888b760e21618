package org.truce.exchange;

/**
 * The list of names a party received before an exchange and how many of them it verified; the
 * names themselves are never recorded.
 */
public record NameListCount(String receivedBy, int names, int verified) {

    public NameListCount {
        Ids.require(receivedBy, "name list received by");
        if (names < 0 || verified < 0 || verified > names) {
            throw new IllegalArgumentException("a name list of " + names + " names cannot have " + verified
                    + " verified");
        }
    }
}
