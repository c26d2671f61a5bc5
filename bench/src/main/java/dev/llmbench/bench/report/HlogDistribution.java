package dev.llmbench.bench.report;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a cell's HdrHistogram log: every interval histogram, merged per tag. The runner tags each interval with the
 * metric name (e.g. {@code TTFT}) and records microseconds; untagged intervals are kept under {@link #UNTAGGED}.
 */
public final class HlogDistribution {
    public static final String UNTAGGED = "untagged";

    private HlogDistribution() {}

    /**
     * The merged histograms by tag, in the order the tags first appear.
     *
     * @throws IOException when the file is missing or not a readable histogram log
     */
    public static Map<String, Histogram> read(Path hlog) throws IOException {
        if (!Files.isRegularFile(hlog)) throw new IOException("no histogram log at " + hlog);
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram interval)) continue; // the runner writes integer histograms only
                String tag = interval.getTag() == null ? UNTAGGED : interval.getTag();
                byTag.computeIfAbsent(tag, t -> {
                    Histogram merged = new Histogram(3);
                    merged.setTag(t);
                    return merged;
                }).add(interval);
            }
        } catch (RuntimeException e) { // the reader throws unchecked exceptions on a corrupt line
            throw new IOException("unreadable histogram log " + hlog.getFileName() + ": " + e.getMessage(), e);
        }
        return byTag;
    }
}
