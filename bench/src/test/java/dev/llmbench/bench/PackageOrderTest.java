package dev.llmbench.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's packages by role, bottom up: each may import only those before it (bench/README.md's map). */
class PackageOrderTest {
    static final List<String> ORDER = List.of("model", "report", "cli", "target", "path", "path.sdk", "path.generic",
            "path.library", "load", "workload", "jmh", "sweep", "sweep.catalog", "run", "");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.llmbench\\.bench\\.((?:[a-z]+\\.)*)[A-Z]", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneAboveIt() throws IOException {
        Path src = Path.of("src/main/java/dev/llmbench/bench");
        List<String> backEdges = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path f : files) {
            String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
            assertThat(ORDER).as("package %s is in the map", pkg).contains(pkg);
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                String used = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                if (ORDER.indexOf(used) > ORDER.indexOf(pkg)) backEdges.add(f.getFileName() + " (" + pkg + ") imports " + used);
            }
        }
        assertThat(backEdges).isEmpty();
    }

    /** The client's internals are no API: only the JMH suite, which measures them, may import them. */
    @Test
    void onlyTheJmhSuiteImportsTheClientsInternals() throws IOException {
        Path src = Path.of("src/main/java/dev/llmbench/bench");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
                if (!pkg.equals("jmh") && Files.readString(f).contains("dev.llmbench.client.internal.")) {
                    offenders.add(pkg + "/" + f.getFileName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
