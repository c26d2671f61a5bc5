package dev.llmbench.bench.load;

import dev.llmbench.bench.model.ErrorMessage;
import dev.llmbench.bench.model.Outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The distinct messages of each error class in a cell, counted from any thread without locks, so that a report can say
 * what the errors were. Bounded: at most {@value #MAX_DISTINCT} distinct messages per class are told apart (later
 * ones count as {@link Outcomes#OTHER_MESSAGES}) and reports keep the {@value #TOP} most frequent. A message is the
 * error's own (the reference client has already masked its keys in it) plus its root cause when that adds something,
 * passed through the cell's key masking, on one line, numbers of four digits or more (ports, stream ids, sizes) as
 * {@code #}, cut to {@value #MAX_LENGTH} characters.
 */
final class ErrorMessages {
    static final int TOP = 5;
    static final int MAX_DISTINCT = 64;
    static final int MAX_LENGTH = 200;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{4,}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byKind = new ConcurrentHashMap<>();

    /** Counts one failed request of class {@code kind} with the error {@code t}; {@code redact} masks keys. */
    void record(String kind, Throwable t, UnaryOperator<String> redact) {
        ConcurrentHashMap<String, LongAdder> messages = byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        String m = message(t, redact);
        LongAdder n = messages.get(m);
        if (n == null) n = messages.size() < MAX_DISTINCT ? messages.computeIfAbsent(m, k -> new LongAdder())
                : messages.computeIfAbsent(Outcomes.OTHER_MESSAGES, k -> new LongAdder());
        n.increment();
    }

    /** Per class, the {@value #TOP} most frequent messages and the rest as {@link Outcomes#OTHER_MESSAGES}. */
    Map<String, List<ErrorMessage>> top() {
        Map<String, List<ErrorMessage>> out = new LinkedHashMap<>();
        byKind.forEach((kind, messages) -> {
            List<ErrorMessage> all = new ArrayList<>();
            long other = 0;
            for (Map.Entry<String, LongAdder> e : messages.entrySet()) {
                if (e.getKey().equals(Outcomes.OTHER_MESSAGES)) other += e.getValue().sum();
                else all.add(new ErrorMessage(e.getKey(), e.getValue().sum()));
            }
            all.sort(Comparator.comparingLong(ErrorMessage::count).reversed().thenComparing(ErrorMessage::message));
            List<ErrorMessage> kept = new ArrayList<>(all.subList(0, Math.min(TOP, all.size())));
            for (ErrorMessage m : all.subList(kept.size(), all.size())) other += m.count();
            if (other > 0) kept.add(new ErrorMessage(Outcomes.OTHER_MESSAGES, other));
            out.put(kind, kept);
        });
        return out;
    }

    static String message(Throwable t, UnaryOperator<String> redact) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        Throwable root = t;
        for (int i = 0; root.getCause() != null && root.getCause() != root && i < 16; i++) root = root.getCause();
        if (root != t) {
            String r = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            if (!m.contains(r)) m += " (cause: " + r + ")";
        }
        m = LONG_NUMBER.matcher(SPACE.matcher(redact.apply(m)).replaceAll(" ").trim()).replaceAll("#");
        return m.length() <= MAX_LENGTH ? m : m.substring(0, MAX_LENGTH - 1) + "…";
    }
}
