package dev.llmbench.bench.run;

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
