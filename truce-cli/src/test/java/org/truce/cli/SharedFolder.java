package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the {@code ../shared} folder beside it (bench, seed). */
final class SharedFolder {

    private SharedFolder() {
    }

    static Path repoRoot() {
        String prop = System.getProperty("truce.repo.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "truce-core"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("truce-core"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path shared() {
        Path shared = repoRoot().resolve("../shared").normalize();
        if (!Files.isDirectory(shared.resolve("bench"))) {
            throw new IllegalStateException("../shared/bench not found beside the repository at " + shared);
        }
        return shared;
    }
}
