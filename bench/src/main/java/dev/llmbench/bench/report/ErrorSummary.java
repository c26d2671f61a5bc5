package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.ErrorMessage;
import dev.llmbench.bench.model.Outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the errors were, in one line per error class: its most frequent messages with their counts, e.g.
 * {@code CONNECTION 193: 180× "StreamResetException: stream was reset: CANCEL", 13× "(other messages)"}.
 */
public final class ErrorSummary {
    /** Messages shown per class in a line (the JSON keeps the five most frequent). */
    static final int SHOWN = 3;
    /** A message longer than this is cut in a line (the JSON keeps up to 200 characters). */
    static final int SHOWN_LENGTH = 120;

    private ErrorSummary() {}

    /** One line per error class of {@code o} that has recorded messages; empty when none. */
    public static List<String> lines(Outcomes o) {
        List<String> out = new ArrayList<>();
        o.errors().forEach((kind, n) -> {
            List<ErrorMessage> ms = o.messages(kind);
            if (!ms.isEmpty()) out.add(line(kind, n, ms));
        });
        return out;
    }

    /** The messages of every cell merged per error class and transport (for sweeps of many cells, e.g. faults). */
    public static List<String> merged(List<CellResult> cells) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Map<String, Long>> byClass = new TreeMap<>();
        for (CellResult c : cells) {
            String on = " on " + c.key().transport();
            c.outcomes().errors().forEach((k, v) -> counts.merge(k + on, v, Long::sum));
            c.outcomes().messages().forEach((k, ms) -> {
                Map<String, Long> m = byClass.computeIfAbsent(k + on, x -> new TreeMap<>());
                for (ErrorMessage e : ms) m.merge(e.message(), e.count(), Long::sum);
            });
        }
        Comparator<ErrorMessage> order = Comparator.comparing((ErrorMessage e) -> e.message().equals(Outcomes.OTHER_MESSAGES))
                .thenComparing(Comparator.comparingLong(ErrorMessage::count).reversed());
        List<String> out = new ArrayList<>();
        byClass.forEach((label, m) -> out.add(line(label, counts.getOrDefault(label, 0L),
                m.entrySet().stream().map(e -> new ErrorMessage(e.getKey(), e.getValue())).sorted(order).toList())));
        return out;
    }

    static String line(String kind, long n, List<ErrorMessage> ms) {
        List<ErrorMessage> shown = ms.stream().filter(m -> !m.message().equals(Outcomes.OTHER_MESSAGES)).limit(SHOWN).toList();
        long rest = n - shown.stream().mapToLong(ErrorMessage::count).sum();
        String text = shown.stream().map(m -> m.count() + "× \"" + cut(m.message()) + "\"").collect(Collectors.joining(", "));
        return kind + " " + n + ": " + text + (rest > 0 ? (text.isEmpty() ? "" : ", ") + rest + "× other messages" : "");
    }

    private static String cut(String s) {
        String one = s.replace('\n', ' ').replace('`', '\'');
        return one.length() <= SHOWN_LENGTH ? one : one.substring(0, SHOWN_LENGTH - 1) + "…";
    }
}
