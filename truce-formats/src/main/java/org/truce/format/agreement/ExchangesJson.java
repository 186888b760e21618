package org.truce.format.agreement;

import java.io.IOException;
import java.nio.file.Path;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;

/**
 * Reads an exchanges file (format: docs/exchanges-timeline-sea.md), the companion of an agreement that
 * records the prisoner exchanges carried out and every source's figures for them. Read with its
 * agreement, whose commitments, parties and statements it refers to.
 */
public final class ExchangesJson {

    /** The conventional name of the file in an agreement folder. */
    public static final String FILE_NAME = "exchanges.json";

    private ExchangesJson() {
    }

    /** @throws AgreementFormatException listing every problem, each with file, line and field */
    public static ExchangeLedger load(Path file, Agreement agreement) throws IOException, AgreementFormatException {
        return parse(StrictJson.read(file), file.toString(), agreement);
    }

    public static ExchangeLedger parse(String json, String fileName, Agreement agreement)
            throws AgreementFormatException {
        StrictJson.Parsed parsed = StrictJson.parse(json, fileName, "an exchanges object");
        ExchangeLedger ledger = new ExchangesReader(parsed.problems(), agreement).read(parsed.root());
        parsed.problems().throwIfAny();
        return ledger;
    }
}
