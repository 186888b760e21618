package org.truce.format.agreement;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, so tests can read examples/ and the shared seed texts beside it. */
final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * Starts from the truce.repo.root property that surefire sets (or the working directory) and
     * walks up to the first folder holding truce-core: the property is only the folder Maven was
     * started from, which is a module folder when a build runs inside one.
     */
    static Path find() {
        String start = System.getProperty("truce.repo.root", System.getProperty("user.dir"));
        for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("truce-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder containing truce-core above " + start);
    }

    static Path example() {
        return find().resolve("examples/2025-03-18-call/agreement.json");
    }

    static Path seedArticle() {
        return find().resolve("../shared/seed/2025-03-19-putin-trump-call.fr.txt").normalize();
    }
}
