package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.sweep.catalog.AimdSweep;
import dev.llmbench.bench.sweep.catalog.ConcurrencySweep;
import dev.llmbench.bench.sweep.catalog.FaultSweep;
import dev.llmbench.bench.sweep.catalog.HttpVersionSweep;
import dev.llmbench.bench.sweep.catalog.KeysSweep;
import dev.llmbench.bench.sweep.catalog.LessonsSweep;
import dev.llmbench.bench.sweep.catalog.PathSweep;
import dev.llmbench.bench.sweep.catalog.PromptLengthSweep;
import dev.llmbench.bench.sweep.catalog.SoakSweep;
import dev.llmbench.bench.sweep.catalog.TransportSweep;
import java.util.List;

/** A sweep: which cells to run, grouped into the comparisons it reports. */
public interface Sweep {
    String name();

    List<SweepSection> sections(SweepContext ctx);

    /** The sweep for {@code -Dsweep=<name>}. */
    static Sweep named(String name) {
        return switch (name) {
            case "concurrency" -> new ConcurrencySweep();
            case "http-version" -> new HttpVersionSweep();
            case "prompt-length" -> new PromptLengthSweep();
            case "transport" -> new TransportSweep();
            case "path" -> new PathSweep();
            case "lessons" -> new LessonsSweep();
            case "aimd" -> new AimdSweep();
            case "keys" -> new KeysSweep();
            case "lessons-path" -> LessonsSweep.only("lessons-path");
            case "faults" -> new FaultSweep();
            case "soak" -> new SoakSweep();
            default -> throw new OptionException("sweep", name, String.join(", ", SweepOptions.SWEEPS));
        };
    }
}
