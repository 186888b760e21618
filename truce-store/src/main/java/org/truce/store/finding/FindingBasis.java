package org.truce.store.finding;

/**
 * What a set of findings was computed on: the agreement and its version, and the version of the
 * reference data the engine used (the facility list and the zones). Versions are the caller's
 * labels, typically the SHA-256 of the files; when any of them changes, the findings computed on
 * the old ones are stale and must be recomputed.
 */
public record FindingBasis(String agreementId, String agreementVersion, String referenceVersion) {

    public FindingBasis {
        require(agreementId, "agreement id");
        require(agreementVersion, "agreement version");
        require(referenceVersion, "reference data version");
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("a finding basis needs a " + what + " of 1 to 200 characters, got "
                    + value);
        }
    }
}
