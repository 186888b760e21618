package org.truce.agreement;

/** A condition attached to a commitment. */
public sealed interface Condition {

    String describe();

    /** A violation by one bound party frees the others. */
    record Reciprocity(String note) implements Condition {
        public Reciprocity {
            note = note == null ? "" : note;
        }

        @Override
        public String describe() {
            return "reciprocity" + (note.isEmpty() ? "" : ": " + note);
        }
    }

    /** Any other condition the source states, kept as text for a person to weigh. */
    record Stated(String text) implements Condition {
        public Stated {
            Require.text(text, "condition text");
        }

        @Override
        public String describe() {
            return text;
        }
    }
}
