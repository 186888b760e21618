package org.truce.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The 18 March 2025 example of the repository: agreement, facilities and zones. */
final class Example {

    private Example() {
    }

    /** examples/2025-03-18-call, found from the repository root Maven passes to the tests. */
    static Path dir() {
        String root = System.getProperty("truce.repo.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path dir = base.resolve("examples").resolve("2025-03-18-call");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the example directory is missing: " + dir.toAbsolutePath());
        }
        return dir;
    }

    static Path agreement() {
        return dir().resolve("agreement.json");
    }

    static List<Path> facilities() {
        return List.of(dir().resolve("facilities.csv"));
    }

    static List<Path> zones() {
        return List.of(dir().resolve("line_of_contact.geojson"), dir().resolve("black_sea.geojson"));
    }

    static ReferenceData load() throws Exception {
        return ReferenceData.load(agreement(), facilities(), zones());
    }
}
