package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.FaultCase;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.SweepResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code faults} sweep as one fault × transport table. Each cell reads e.g. {@code ✓ TIMEOUT 2, ok 6 ≤0.41s}: the
 * error classes seen with their counts, the ok count, and the slowest request of the cell (ok or failed, send to end);
 * ✓ when every faulted request ended with the expected class, every other one was ok, nothing was cancelled, and
 * the client left no thread or socket behind; ✗ with the reason otherwise. Every cell's accounting balances (sent = ok
 * + errors + cancelled), or it would not have been recorded.
 */
public final class FaultTable {
    private FaultTable() {}

    /** The verdict of one cell: null when it is as expected, else what is wrong. */
    public static String problem(CellResult c) {
        Optional<FaultCase> f = FaultCase.ofVariant(c.key().variant());
        if (f.isEmpty()) return "unknown fault case " + c.key().variant();
        Outcomes o = c.outcomes();
        long faulted = f.get().faultedOf(o.sent());
        List<String> wrong = new ArrayList<>();
        if (faulted > 0 && o.count(f.get().expected()) != faulted) wrong.add(f.get().expected() + " " + o.count(f.get().expected()) + " of " + faulted + " faulted");
        if (o.errorCount() != o.count(f.get().expected())) wrong.add("other errors");
        if (o.ok() != o.sent() - faulted) wrong.add("ok " + o.ok() + " of " + (o.sent() - faulted));
        if (o.cancelled() > 0) wrong.add("cancelled " + o.cancelled());
        if (c.leaks() != null && c.leaks().leaked()) {
            wrong.add("left " + c.leaks().threads() + " threads" + (c.leaks().threadNames().isEmpty() ? "" : " [" + c.leaks().threadNames() + "]")
                    + ", " + c.leaks().sockets() + " sockets");
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    /** Slowest request of the cell in ms: the larger of the ok requests' E2E and the failed ones' time to error. */
    static double slowestMs(CellResult c) {
        double e2e = c.latency(Metric.E2E).max();
        double err = c.latency(Metric.ERROR).max();
        if (Double.isNaN(e2e)) return err;
        return Double.isNaN(err) ? e2e : Math.max(e2e, err);
    }

    static String cell(CellResult c) {
        String kinds = c.outcomes().errors().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String problem = problem(c);
        return (problem == null ? "✓ " : "✗ ") + (kinds.isEmpty() ? "" : kinds + ", ") + "ok " + c.outcomes().ok()
                + (c.outcomes().cancelled() > 0 ? ", cancelled " + c.outcomes().cancelled() : "")
                + " ≤" + Fmt.secondsFromMs(slowestMs(c)) + (problem == null ? "" : " (" + problem + ")");
    }

    public static String render(SweepResult result) {
        if (result.cells().isEmpty()) return "_No cells were measured._\n";
        LinkedHashSet<String> transports = new LinkedHashSet<>();
        Map<String, Map<String, CellResult>> byFault = new LinkedHashMap<>();
        for (CellResult c : result.cells()) {
            transports.add(c.key().transport());
            byFault.computeIfAbsent(c.key().variant(), v -> new LinkedHashMap<>()).put(c.key().transport(), c);
        }
        List<String> header = new ArrayList<>(List.of("fault @ rate", "expected"));
        header.addAll(transports);
        MarkdownTable t = new MarkdownTable(header);
        byFault.forEach((variant, cells) -> {
            FaultCase f = FaultCase.ofVariant(variant).orElse(null);
            String expected = f == null ? "?" : f.expected().isEmpty() ? "all ok" : f.expected() + (f.limit().isEmpty() ? "" : " (" + f.limit() + ")");
            List<String> row = new ArrayList<>(List.of(variant, expected));
            for (String tr : transports) row.add(cells.containsKey(tr) ? cell(cells.get(tr)) : "");
            t.row(row);
        });
        long bad = result.cells().stream().filter(c -> problem(c) != null).count();
        long sent = result.cells().stream().mapToLong(c -> c.outcomes().sent()).sum();
        long leakChecked = result.cells().stream().filter(c -> c.leaks() != null).count();
        long leaky = result.cells().stream().filter(c -> c.leaks() != null && c.leaks().leaked()).count();
        StringBuilder sb = new StringBuilder();
        CellResult first = result.cells().get(0);
        sb.append("Provider ").append(Providers.display(first.key().provider())).append(", c=").append(first.key().concurrency())
                .append(", ").append(first.outcomes().sent()).append(" measured requests per cell")
                .append(result.provenance().containsKey("client limits") ? ", client limits " + result.provenance().get("client limits") : "")
                .append(". Each cell: error classes seen (count), ok requests, slowest request (send → end or error).\n\n");
        sb.append(t.render()).append('\n');
        sb.append(result.cells().size()).append(" cells, ").append(sent).append(" requests, every one accounted for (sent = ok + errors + cancelled in every cell); ")
                .append(bad == 0 ? "every cell as expected" : bad + " cells not as expected (✗)").append("; leak check on ").append(leakChecked)
                .append(" cells: ").append(leaky == 0 ? "no thread or socket left behind after closing the client" : leaky + " cells left threads or sockets behind")
                .append(".\n");
        List<String> errors = ErrorSummary.merged(result.cells());
        if (!errors.isEmpty()) {
            sb.append("\nError messages per class and transport, all cells merged (most frequent first):\n\n");
            for (String line : errors) sb.append("- ").append(line).append('\n');
        }
        return sb.toString();
    }
}
