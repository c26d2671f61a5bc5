package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JMH's JSON result format ({@code -rf json}), read into records: one {@link Row} per benchmark × parameter set.
 * JMH writes NaN errors (a single iteration) as the string {@code "NaN"}; they become {@link Double#NaN}.
 */
public final class JmhResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResults() {}

    /**
     * A score with its 99.9% confidence half-width (NaN when JMH could not compute one). For a per-iteration counter
     * (unit {@code #}: an {@code @AuxCounters(EVENTS)} value, which JMH sums over the iterations) the score is instead
     * the mean per iteration, with the iterations' {@code min} and {@code max}; elsewhere those are NaN.
     */
    public record Score(double score, double error, String unit, double min, double max) {
        public Score(double score, double error, String unit) { this(score, error, unit, Double.NaN, Double.NaN); }
    }

    /**
     * @param benchmark  the fully qualified benchmark method, e.g. {@code dev.llmbench.bench.jmh.SseDecodeBenchmark.decodeStream}
     * @param params     the @Param values, in JMH's order
     * @param secondary  the secondary metrics by name: @AuxCounters, profiler outputs such as {@code gc.alloc.rate.norm}
     * @param settings   forks, warm-up and measurement, as JMH reports them, e.g. {@code 1 fork, 2×1 s warm-up, 3×1 s}
     */
    public record Row(String benchmark, String mode, int threads, Map<String, String> params, Score primary,
                      Map<String, Score> secondary, String settings) {
        public Row {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
        }

        /** The class's simple name, e.g. {@code SseDecodeBenchmark}. */
        public String className() {
            int dot = benchmark.lastIndexOf('.');
            String cls = dot < 0 ? benchmark : benchmark.substring(0, dot);
            return cls.substring(cls.lastIndexOf('.') + 1);
        }

        /** The method's name, e.g. {@code decodeStream}. */
        public String method() { return benchmark.substring(benchmark.lastIndexOf('.') + 1); }
    }

    /** The rows of one JMH JSON file, or of every {@code *.json} file of a directory (by file name). */
    public static List<Row> read(Path fileOrDir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(fileOrDir)) {
            files.add(fileOrDir);
        }
        if (files.isEmpty()) throw new IOException("no JMH JSON results at " + fileOrDir);
        List<Row> rows = new ArrayList<>();
        for (Path f : files) rows.addAll(parse(MAPPER.readTree(f.toFile()), f));
        return rows;
    }

    static List<Row> parse(JsonNode root, Path source) throws IOException {
        if (root == null || !root.isArray()) throw new IOException(source + " is not a JMH JSON result (an array of benchmarks)");
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : root) {
            if (!b.hasNonNull("benchmark") || !b.has("primaryMetric")) throw new IOException(source + ": an entry without benchmark/primaryMetric");
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            Map<String, Score> secondary = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = b.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                secondary.put(e.getKey(), "#".equals(e.getValue().path("scoreUnit").asText()) ? perIteration(e.getValue()) : score(e.getValue()));
            }
            String settings = b.path("forks").asInt() + " fork" + (b.path("forks").asInt() == 1 ? "" : "s") + ", "
                    + b.path("warmupIterations").asInt() + "×" + b.path("warmupTime").asText("?") + " warm-up, "
                    + b.path("measurementIterations").asInt() + "×" + b.path("measurementTime").asText("?");
            rows.add(new Row(b.get("benchmark").asText(), b.path("mode").asText(), b.path("threads").asInt(1), params,
                    score(b.get("primaryMetric")), secondary, settings));
        }
        return rows;
    }

    private static Score score(JsonNode m) {
        return new Score(number(m.get("score")), number(m.get("scoreError")), m.path("scoreUnit").asText(""));
    }

    /** Mean, min and max of a summed counter's per-iteration values (rawData: one array per fork). */
    private static Score perIteration(JsonNode m) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (JsonNode fork : m.path("rawData")) {
            for (JsonNode v : fork) {
                double d = number(v);
                if (Double.isNaN(d)) continue;
                sum += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
                n++;
            }
        }
        if (n == 0) return score(m);
        return new Score(sum / n, Double.NaN, "#", min, max);
    }

    private static double number(JsonNode n) {
        if (n == null || n.isNull()) return Double.NaN;
        if (n.isNumber()) return n.asDouble();
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
