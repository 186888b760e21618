package org.truce.agreement;

import java.time.LocalDate;

/** A text from a source on which an agreement rests (a readout, an article). Referenced by id. */
public record Statement(String id, String source, String language, LocalDate published, String location) {

    public Statement {
        Require.id(id, "statement id");
        Require.text(source, "statement source");
        language = language == null ? "" : language;
        location = location == null ? "" : location;
    }
}
