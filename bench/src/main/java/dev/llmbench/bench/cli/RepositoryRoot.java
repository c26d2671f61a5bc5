package dev.llmbench.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root: the nearest directory, from the working directory up, whose pom.xml lists
 * {@code <module>bench</module>} ({@code mvn -pl bench exec:java} runs in bench/, reports belong at the root).
 */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    public static Path find(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>bench</module>")) return dir;
            } catch (IOException ignored) {
                // unreadable pom: keep walking up
            }
        }
        return from.toAbsolutePath().normalize();
    }
}
