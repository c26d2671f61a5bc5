package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The repeats of one configuration (cells equal under {@link CellKey#withoutRepeat()}), in run order.
 *
 * @param key  the configuration, repeat index 0
 * @param runs every repeat, at least one
 */
public record CellGroup(CellKey key, List<CellResult> runs) {
    public CellGroup {
        runs = List.copyOf(runs);
    }

    /** Groups cells by configuration, keeping the order in which each configuration first ran. */
    public static List<CellGroup> of(List<CellResult> cells) {
        Map<CellKey, List<CellResult>> byKey = new LinkedHashMap<>();
        for (CellResult c : cells) byKey.computeIfAbsent(c.key().withoutRepeat(), k -> new ArrayList<>()).add(c);
        List<CellGroup> groups = new ArrayList<>(byKey.size());
        byKey.forEach((k, runs) -> groups.add(new CellGroup(k, runs)));
        return groups;
    }

    public Spread spread(Figure figure) {
        return Spread.of(runs.stream().mapToDouble(figure::of).toArray());
    }

    public int repeats() { return runs.size(); }

    public long sent() { return runs.stream().mapToLong(c -> c.outcomes().sent()).sum(); }

    public long errors() { return runs.stream().mapToLong(c -> c.outcomes().errorCount()).sum(); }

    /** Retries made inside the client, summed over the repeats. */
    public long retries() { return runs.stream().mapToLong(c -> c.outcomes().retries()).sum(); }

    public long cancelled() { return runs.stream().mapToLong(c -> c.outcomes().cancelled()).sum(); }

    /** Errors by class summed over the repeats, sorted by class name. */
    public Map<String, Long> errorsByKind() {
        Map<String, Long> sum = new TreeMap<>();
        for (CellResult c : runs) c.outcomes().errors().forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }

    /** Ok requests whose output tokens were estimated (no usage from the library), summed over the repeats. */
    public long estimatedUsage() { return runs.stream().mapToLong(c -> c.measured().tokens().estimatedUsage()).sum(); }

    public long ok() { return runs.stream().mapToLong(c -> c.outcomes().ok()).sum(); }

    /** Ok responses by negotiated HTTP version, summed over the repeats, sorted by name. */
    public Map<String, Long> protocols() {
        Map<String, Long> sum = new TreeMap<>();
        for (CellResult c : runs) c.measured().protocols().forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }

    /** Fewest ok TTFT samples behind any repeat's percentiles. */
    public long minTtftSamples() {
        return runs.stream().mapToLong(c -> c.latency(Metric.TTFT).count()).min().orElse(0);
    }
}
