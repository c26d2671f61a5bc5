package dev.llmbench.client.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheDirectoryTest {

    @Test
    void envDirectoryComesFirst(@TempDir Path tmp) {
        List<String> warnings = new ArrayList<>();
        Path dir = tmp.resolve("from-env");
        assertThat(CacheDirectory.resolve(null, Map.of("LLMBENCH_CACHE_DIR", dir.toString()), (m, e) -> warnings.add(m)))
                .contains(dir);
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void fallsBackPastAnUnusableEnvDirectoryAndSaysSo(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = Map.of("LLMBENCH_CACHE_DIR", file.resolve("cache").toString(),
                "XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        assertThat(CacheDirectory.resolve(null, env, (m, e) -> warnings.add(m))).contains(tmp.resolve("xdg").resolve("llmbench"));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(file.resolve("cache").toString()).contains("not usable");
    }

    @Test
    void defaultCandidatesAreLocalFirst() {
        List<Path> c = CacheDirectory.candidates(Map.of());
        assertThat(c.get(0)).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "llmbench-cache"));
        assertThat(c).hasSize(2);
    }
}
