package dev.llmbench.bench.report;

import dev.llmbench.bench.model.SweepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Re-renders a report folder (tables, CSV, charts) and its RESULTS.md section from the folder's results.json, without
 * rerunning the sweep, e.g. after the report layout changed:
 * {@code mvn -pl bench exec:java -Dexec.mainClass=dev.llmbench.bench.report.RegenerateReport -Dexec.args="../reports/<folder> ../RESULTS.md"}.
 */
public final class RegenerateReport {
    private RegenerateReport() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RegenerateReport <report folder with results.json> [RESULTS.md, default ./RESULTS.md]");
            System.exit(2);
        }
        try {
            Report r = regenerate(Path.of(args[0]), Path.of(args.length == 2 ? args[1] : "RESULTS.md"));
            System.out.println("Regenerated " + r.files().size() + " files in " + r.dir());
        } catch (IOException | RuntimeException e) {
            System.err.println("RegenerateReport: " + e.getMessage());
            System.exit(1);
        }
    }

    public static Report regenerate(Path reportDir, Path resultsMd) throws IOException {
        Path json = reportDir.resolve(ReportWriter.JSON);
        if (!Files.isRegularFile(json)) throw new IOException("no " + ReportWriter.JSON + " in " + reportDir);
        SweepResult result = JsonReport.read(json);
        return ReportWriter.publish(result, reportDir, resultsMd, null); // the command comes from the provenance
    }
}
