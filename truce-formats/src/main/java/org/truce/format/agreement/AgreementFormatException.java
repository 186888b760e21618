package org.truce.format.agreement;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An agreement file that cannot be loaded. It carries every problem found, not only the first,
 * so that one run tells the author all there is to fix. Checked, because a bad file is an expected
 * outcome that every caller (CLI, server upload) must turn into a message for a person.
 */
public final class AgreementFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public AgreementFormatException(List<Problem> problems) {
        super(describe(inFileOrder(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an AgreementFormatException needs at least one problem");
        }
        this.problems = inFileOrder(problems);
    }

    /** The problems in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Stable sort: problems on one line keep the order in which they were found. */
    private static List<Problem> inFileOrder(List<Problem> problems) {
        return problems.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        String file = problems.get(0).file();
        String header = file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }

    /**
     * One problem: where it is (file, 1-based line and column, JSON path such as
     * {@code commitments[1].radius_m}, empty for the whole document) and what is wrong with it.
     */
    public record Problem(String file, int line, int column, String path, String message) {

        public Problem {
            path = path == null ? "" : path;
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }
}
