package org.truce.format.agreement;

import java.io.IOException;
import java.nio.file.Path;
import org.truce.agreement.Agreement;

/**
 * Reads agreement files (format: docs/agreement-format.md, schema: agreement.schema.json next to
 * this class). The check is written by hand rather than run through a schema library so that
 * every message names the file, the line and the field in words an agreement author can act on.
 */
public final class AgreementJson {

    /** Where the JSON Schema of the format lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/org/truce/format/agreement/agreement.schema.json";

    private AgreementJson() {
    }

    /**
     * Loads and checks an agreement file (UTF-8 JSON).
     *
     * @throws AgreementFormatException listing every problem found, each with file, line and field
     * @throws IOException when the file cannot be read at all
     */
    public static Agreement load(Path file) throws IOException, AgreementFormatException {
        return parse(StrictJson.read(file), file.toString());
    }

    /**
     * Checks an agreement given as text; {@code fileName} is used in messages only (an upload's
     * name, a test's label).
     */
    public static Agreement parse(String json, String fileName) throws AgreementFormatException {
        StrictJson.Parsed parsed = StrictJson.parse(json, fileName, "an agreement object");
        Agreement agreement = new AgreementReader(parsed.problems()).read(parsed.root());
        parsed.problems().throwIfAny();
        return agreement;
    }
}
