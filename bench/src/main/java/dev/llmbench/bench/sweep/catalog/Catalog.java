package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.Sweep;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The registry: every sweep {@code -Dsweep} can name, in the order the help lists them. */
public final class Catalog {
    private Catalog() {}

    /** {@code -Dsweep=help}: not a sweep, it prints {@link #help()}. */
    public static final String HELP = "help";

    public static final List<Sweep> ALL = List.of(new ConcurrencySweep(), new RateSweep(), new CapacitySweep(), new HttpVersionSweep(), new PromptLengthSweep(),
            new TransportSweep(), new PathSweep(), new LessonsSweep(),
            LessonsSweep.only("lessons-path", "the lessons' client path table alone"), new AimdSweep(), new KeysSweep(),
            new CacheSweep(), new FaultSweep(), new SoakSweep(), new JmhSweep());

    /**
     * The sweep named {@code name}.
     *
     * @throws OptionException naming every sweep when there is none
     */
    public static Sweep named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new OptionException(Options.SWEEP.name(), name, String.join(", ", names()) + ", " + HELP));
    }

    public static List<String> names() { return ALL.stream().map(Sweep::name).toList(); }

    /** {@code options} less {@code except}, for a sweep that reads all but a few. */
    static Set<Option<?>> without(Set<Option<?>> options, Option<?>... except) {
        Set<Option<?>> out = new LinkedHashSet<>(options);
        Arrays.asList(except).forEach(out::remove);
        return Collections.unmodifiableSet(out);
    }

    /** {@code options} and {@code also}, for a sweep that reads a few more. */
    static Set<Option<?>> with(Set<Option<?>> options, Option<?>... also) {
        Set<Option<?>> out = new LinkedHashSet<>(options);
        out.addAll(Arrays.asList(also));
        return Collections.unmodifiableSet(out);
    }

    /** The names of the sweeps that read {@code option}: "every cell sweep" when all of them do. */
    static String readers(Option<?> option) {
        List<Sweep> readers = ALL.stream().filter(s -> s.reads().contains(option)).toList();
        List<Sweep> cells = ALL.stream().filter(s -> s instanceof CellSweep).toList();
        if (readers.size() == ALL.size()) return "every sweep";
        if (readers.containsAll(cells)) {
            List<String> others = readers.stream().filter(s -> !(s instanceof CellSweep)).map(Sweep::name).toList();
            return "every cell sweep" + (others.isEmpty() ? "" : ", " + String.join(", ", others));
        }
        return readers.isEmpty() ? "no sweep" : String.join(", ", readers.stream().map(Sweep::name).toList());
    }

    /** The text {@code -Dsweep=help} prints: the sweeps, then every option with what it accepts, its default and readers. */
    public static String help() {
        StringBuilder sb = new StringBuilder("usage: mvn -pl bench exec:java -Dsweep=<sweep> [-Doption=value ...]\n\nsweeps:\n");
        for (Sweep s : ALL) sb.append(String.format("  %-14s %s%n", s.name(), s.summary()));
        sb.append(String.format("  %-14s %s%n", HELP, "print this text"));
        sb.append("\noptions:\n");
        for (Option<?> o : Options.ALL) {
            sb.append(String.format("  -D%-13s %s%n  %-15s accepts: %s; default: %s; read by: %s%n", o.name(), o.help(), "",
                    o.accepts(), o.defaultText(), readers(o)));
        }
        return sb.toString();
    }
}
