package org.truce.format.agreement;

import java.io.IOException;
import java.nio.file.Path;
import org.truce.agreement.Agreement;
import org.truce.timeline.Timeline;

/**
 * Reads a timeline file (format: docs/exchanges-timeline-sea.md): the meetings and milestones of the
 * process around an agreement, with their status history. Read with its agreement, whose
 * commitments and statements it refers to.
 */
public final class TimelineJson {

    /** The conventional name of the file in an agreement folder. */
    public static final String FILE_NAME = "timeline.json";

    private TimelineJson() {
    }

    /** @throws AgreementFormatException listing every problem, each with file, line and field */
    public static Timeline load(Path file, Agreement agreement) throws IOException, AgreementFormatException {
        return parse(StrictJson.read(file), file.toString(), agreement);
    }

    public static Timeline parse(String json, String fileName, Agreement agreement) throws AgreementFormatException {
        StrictJson.Parsed parsed = StrictJson.parse(json, fileName, "a timeline object");
        Timeline timeline = new TimelineReader(parsed.problems(), agreement).read(parsed.root());
        parsed.problems().throwIfAny();
        return timeline;
    }
}
