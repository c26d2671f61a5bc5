package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Preflight;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.sweep.Provenance;
import dev.llmbench.bench.sweep.StandaloneSweep;
import dev.llmbench.bench.model.CacheResult;
import dev.llmbench.bench.path.CallTiming;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import dev.llmbench.client.cache.CacheKey;
import dev.llmbench.client.cache.CacheListener;
import dev.llmbench.client.cache.ShardedSqliteCache;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The lessons' "shards vs init time" table for {@link ShardedSqliteCache}, plus get/put throughput under
 * concurrency; wall-clock, in a fresh folder under {@code -DcacheDir} or the default cache directory (as
 * {@code CacheDirectory} chooses it: {@code $LLMBENCH_CACHE_DIR}, {@code $XDG_CACHE_HOME/llmbench}, the temp dir,
 * {@code ~/.cache/llmbench}), deleted afterwards. Values are a typical answer (~134 tokens of text). Microbenchmarks of get/put belong to JMH, not here.
 */
public final class CacheSweep implements StandaloneSweep {
    static final List<Integer> SHARDS = List.of(1, 2, 4, 8);
    static final List<Integer> THREADS = List.of(1, 4, 16);

    private final boolean quick;
    private final PrintStream out;
    private final ChatResponse value;
    /** {@code -DcacheDir}, or null for the client's default choice. */
    private final Path directory;

    /** The registry's instance; {@link #run(SweepOptions, Path, PrintStream, PrintStream)} makes the configured one. */
    CacheSweep() { this(false, System.out, null); }

    public CacheSweep(boolean quick, PrintStream out) { this(quick, out, null); }

    public CacheSweep(boolean quick, PrintStream out, Path directory) {
        this.quick = quick;
        this.out = out;
        this.directory = directory;
        String text = " The quick brown fox jumps over the lazy dog.".repeat(15); // ~134 one-word tokens
        this.value = new ChatResponse(Provider.OPENAI, "gpt-4.1-nano", text, "", "stop",
                new Usage(40, 0, 134, 0, true), new CallTiming(), "h2", false);
    }

    @Override
    public String name() { return "cache"; }

    @Override
    public String summary() { return "the response cache: shards vs lazy-open cost, get/put throughput at 1/4/16 threads"; }

    @Override
    public Set<Option<?>> reads() { return Set.of(Options.SWEEP, Options.QUICK, Options.CACHE_DIR, Options.REPORTS, Options.RESULTS); }

    @Override
    public int run(SweepOptions options, Path repoRoot, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        runAndPublish(options, repoRoot, out);
        return 0;
    }

    /**
     * {@code -Dsweep=cache}: runs the benchmark, writes {@code <reports>/cache-<stamp>/} and the RESULTS.md section.
     *
     * @return the report folder
     */
    public static Path runAndPublish(SweepOptions o, Path repoRoot, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", o.commandLine());
        p.put("date", java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        p.put("load average at start", Provenance.loadAverage());
        p.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        p.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("git", Provenance.gitCommit(repoRoot));
        CacheResult r = new CacheSweep(o.quick(), out, Preflight.cacheDirectory(o, repoRoot)).run(p);
        Path reports = repoRoot.resolve(o.reports());
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = reports.resolve("cache-" + stamp);
        for (int i = 2; Files.exists(dir); i++) dir = reports.resolve("cache-" + stamp + "-" + i);
        dev.llmbench.bench.report.CacheReport.publish(r, dir, o.resultsFile(repoRoot));
        out.println("Report: " + dir.toAbsolutePath());
        return dir;
    }

    public CacheResult run(Map<String, String> provenance) throws IOException, InterruptedException {
        Path base = directory != null ? directory : ShardedSqliteCache.defaultDirectory(System.getenv(), CacheListener.logging())
                .orElseThrow(() -> new IOException("no usable cache directory (see the warning above)"));
        byte[] r = new byte[4];
        new SecureRandom().nextBytes(r);
        Path root = base.resolve("bench-" + HexFormat.of().formatHex(r));
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.put("cache directory", base + (directory != null ? " (-DcacheDir" : " (default choice")
                + "; runs in a fresh subfolder, deleted afterwards)");
        int repeats = quick ? 2 : 7;
        double seconds = quick ? 0.2 : 2.0;
        p.put("repeats (init)", Integer.toString(repeats));
        p.put("seconds per throughput cell", Double.toString(seconds));
        try {
            double firstOpen = firstOpen(root.resolve("first"));
            // Discarded: JIT-compiles the paths, so the first table row does not pay for the others' warm-up.
            init(root.resolve("warmup"), 8, quick ? 1 : 3);
            throughput(root.resolve("warmup-get"), "get", 4, 8, seconds / 2);
            throughput(root.resolve("warmup-put"), "put", 4, 8, seconds / 2);
            List<CacheResult.InitRow> init = new ArrayList<>();
            for (int shards : SHARDS) {
                init.add(init(root.resolve("init-" + shards), shards, repeats));
                out.println("cache: init " + shards + " shards done");
            }
            List<CacheResult.ThroughputRow> throughput = new ArrayList<>();
            for (String op : List.of("get", "put")) {
                for (int threads : THREADS) {
                    throughput.add(throughput(root.resolve(op + "-" + threads), op, threads, 8, seconds));
                    out.println("cache: " + op + " x" + threads + " threads done");
                }
            }
            return new CacheResult(p, firstOpen, init, throughput);
        } finally {
            deleteTree(root);
        }
    }

    /** The process's first put: loads SQLite's native library, so it is kept out of the table. */
    private double firstOpen(Path dir) {
        try (ShardedSqliteCache c = cache(dir, 1)) {
            long t = System.nanoTime();
            c.put(keys(1, 1).get(0), value);
            return ms(System.nanoTime() - t);
        }
    }

    private CacheResult.InitRow init(Path parent, int shards, int repeats) {
        double[][] v = new double[7][repeats];
        for (int rep = 0; rep < repeats; rep++) {
            Path dir = parent.resolve("r" + rep);
            List<CacheKey> perShard = keys(shards, shards);
            CacheKey other = keys(shards, shards + 1).get(shards); // not among perShard: a fresh entry
            // cold: empty directory
            long t0 = System.nanoTime();
            ShardedSqliteCache cold = cache(dir, shards);
            v[0][rep] = ms(System.nanoTime() - t0);
            v[1][rep] = timed(() -> cold.get(perShard.get(0))); // no file yet: a read creates nothing
            v[2][rep] = timed(() -> cold.put(perShard.get(0), value));
            v[3][rep] = v[2][rep] + timed(() -> { for (int i = 1; i < shards; i++) cold.put(perShard.get(i), value); });
            cold.close();
            // warm: files exist, new instance
            try (ShardedSqliteCache warm = cache(dir, shards)) {
                v[4][rep] = timed(() -> warm.get(perShard.get(0)));
                v[5][rep] = timed(() -> warm.put(other, value)); // lands in an open shard or opens one more
            }
            try (ShardedSqliteCache warm = cache(dir, shards)) {
                v[6][rep] = timed(() -> { for (CacheKey k : perShard) warm.get(k); });
            }
        }
        return new CacheResult.InitRow(shards, repeats, median(v[0]), median(v[1]), median(v[2]), median(v[3]),
                median(v[4]), median(v[5]), median(v[6]));
    }

    private CacheResult.ThroughputRow throughput(Path dir, String op, int threads, int shards, double seconds)
            throws InterruptedException {
        try (ShardedSqliteCache cache = cache(dir, shards)) {
            List<CacheKey> filled = keys(shards, 512);
            if (op.equals("get")) for (CacheKey k : filled) cache.put(k, value);
            else for (int i = 0; i < shards; i++) cache.put(filled.get(i), value); // every shard open before timing
            Histogram[] h = new Histogram[threads];
            AtomicLong done = new AtomicLong();
            AtomicLong skipped = new AtomicLong();
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(threads);
            long[] wall = new long[1];
            for (int t = 0; t < threads; t++) {
                int id = t;
                h[t] = new Histogram(3);
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        long end = System.nanoTime() + (long) (seconds * 1e9);
                        int i = 0;
                        while (System.nanoTime() < end) {
                            CacheKey k = op.equals("get") ? filled.get((id * 7919 + i) % filled.size()) : key(id, i);
                            long t0 = System.nanoTime();
                            boolean ok = op.equals("get") ? cache.get(k).isPresent() : cache.put(k, value);
                            h[id].recordValue(Math.max(0, (System.nanoTime() - t0) / 1_000));
                            if (ok) done.incrementAndGet(); else skipped.incrementAndGet();
                            i++;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                }, "cache-bench-" + t);
                th.setDaemon(true);
                th.start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            finished.await();
            wall[0] = System.nanoTime() - t0;
            Histogram all = new Histogram(3);
            for (Histogram x : h) all.add(x);
            double s = wall[0] / 1e9;
            return new CacheResult.ThroughputRow(op, threads, shards, s, done.get(), skipped.get(),
                    (done.get() + skipped.get()) / s, all.getValueAtPercentile(50), all.getValueAtPercentile(99), all.getMaxValue());
        }
    }

    private static ShardedSqliteCache cache(Path dir, int shards) {
        return ShardedSqliteCache.builder().directory(dir).shards(shards).listener(CacheListener.logging()).build();
    }

    /** Keys that cover every shard once first (key i lands in shard i for i < shards), then any keys up to {@code count}. */
    static List<CacheKey> keys(int shards, int count) {
        CacheKey[] first = new CacheKey[shards];
        List<CacheKey> rest = new ArrayList<>();
        int found = 0;
        for (int i = 0; found < shards || found + rest.size() < count; i++) {
            CacheKey k = key(-1, i);
            int s = k.shard(shards);
            if (first[s] == null) { first[s] = k; found++; }
            else if (rest.size() < count) rest.add(k);
        }
        List<CacheKey> out = new ArrayList<>(Arrays.asList(first));
        out.addAll(rest);
        return out.subList(0, count);
    }

    private static CacheKey key(int thread, int i) {
        return CacheKey.of(ChatRequest.of("gpt-4.1-nano", "cache bench " + thread + "/" + i), Provider.OPENAI);
    }

    private static double timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return ms(System.nanoTime() - t);
    }

    private static double ms(long nanos) { return nanos / 1e6; }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
