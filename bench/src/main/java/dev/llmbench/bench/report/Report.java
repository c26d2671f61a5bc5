package dev.llmbench.bench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter} wrote.
 *
 * @param dir    the report folder
 * @param files  every file written, in writing order
 * @param charts the PNG charts among them
 * @param notes  what could not be drawn and why (e.g. a cell's missing .hlog); also listed in table.md
 */
public record Report(Path dir, List<Path> files, List<Path> charts, List<String> notes) {
    public Report {
        files = List.copyOf(files);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }
}
