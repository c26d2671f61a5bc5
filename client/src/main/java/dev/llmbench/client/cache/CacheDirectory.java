package dev.llmbench.client.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the cache directory as the lessons did (node-local disk first: a shard on NFS cost ~25x more to open):
 * an explicitly configured directory is used as is (or the cache is disabled); otherwise the first usable of
 * {@code $LLMBENCH_CACHE_DIR}, {@code $XDG_CACHE_HOME/llmbench}, {@code ${java.io.tmpdir}/llmbench-cache} and
 * {@code ~/.cache/llmbench}, falling back (with one warning) past unusable ones.
 * "Usable" means the directory exists or can be created and a probe file can be created in it.
 */
final class CacheDirectory {
    static final String ENV = "LLMBENCH_CACHE_DIR";

    private CacheDirectory() {}

    /** The directory to use, or empty (with a warning) when none is usable. Touches the file system. */
    static Optional<Path> resolve(Path configured, Map<String, String> env, CacheListener listener) {
        if (configured != null) {
            String problem = problem(configured);
            if (problem == null) return Optional.of(configured);
            listener.onWarning("response cache disabled: configured directory " + configured + " is not usable (" + problem + ")", null);
            return Optional.empty();
        }
        List<String> rejected = new ArrayList<>();
        for (Path candidate : candidates(env)) {
            String problem = problem(candidate);
            if (problem == null) {
                if (!rejected.isEmpty()) {
                    listener.onWarning("response cache: using " + candidate + " because " + String.join("; ", rejected), null);
                }
                return Optional.of(candidate);
            }
            rejected.add(candidate + " is not usable (" + problem + ")");
        }
        listener.onWarning("response cache disabled: no usable directory: " + String.join("; ", rejected), null);
        return Optional.empty();
    }

    static List<Path> candidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) out.add(Path.of(dir));
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) out.add(Path.of(xdg, "llmbench"));
        out.add(Path.of(System.getProperty("java.io.tmpdir"), "llmbench-cache"));
        out.add(Path.of(System.getProperty("user.home"), ".cache", "llmbench"));
        return out;
    }

    /** Null when {@code dir} is usable, else why not. */
    static String problem(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return "cannot create it: " + e;
        }
        if (!Files.isDirectory(dir)) return "not a directory";
        try {
            // isWritable is not enough: root passes it on read-only mounts. A real file creation tells.
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            Files.deleteIfExists(probe);
        } catch (IOException | SecurityException e) {
            return "not writable: " + e;
        }
        return null;
    }
}
