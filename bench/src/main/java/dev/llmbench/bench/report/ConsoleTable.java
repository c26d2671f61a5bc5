package dev.llmbench.bench.report;

import dev.llmbench.bench.model.SweepResult;

/** The table the runner prints when a sweep ends: plain text that is also valid markdown. */
public final class ConsoleTable {
    private ConsoleTable() {}

    public static String render(SweepResult result) {
        return result.title() + (result.simulated() ? " (simulated)" : "") + "\n\n" + LessonsTables.render(result);
    }
}
