package org.truce.extraction;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the seed article in {@code ../shared/seed} beside the repository (surefire passes the root). */
final class SharedSeed {

    static final String SEED_NAME = "2025-03-19-putin-trump-call.fr.txt";

    private SharedSeed() {
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

    static Path seedArticle() {
        Path seed = repoRoot().resolve("../shared/seed").resolve(SEED_NAME).normalize();
        if (!Files.isRegularFile(seed)) {
            throw new IllegalStateException("seed article not found at " + seed);
        }
        return seed;
    }
}
