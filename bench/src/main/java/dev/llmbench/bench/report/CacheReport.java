package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmbench.bench.model.CacheResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The cache benchmark's report folder ({@code init.csv}, {@code throughput.csv}, {@code results.json},
 * {@code init.png}, {@code table.md}) and its RESULTS.md section {@value #SECTION}, next to the lessons' numbers.
 */
public final class CacheReport {
    public static final String SECTION = "cache";
    public static final String INIT_CSV = "init.csv";
    public static final String THROUGHPUT_CSV = "throughput.csv";
    public static final String INIT_PNG = "init.png";

    private CacheReport() {}

    public static void publish(CacheResult r, Path dir, Path resultsMd) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(INIT_CSV), initCsv(r));
        AtomicFiles.writeString(dir.resolve(THROUGHPUT_CSV), throughputCsv(r));
        AtomicFiles.writeString(dir.resolve(ReportWriter.JSON), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(r) + "\n");
        AtomicFiles.write(dir.resolve(INIT_PNG), Charts.png(chart(r)));
        AtomicFiles.writeString(dir.resolve(ReportWriter.TABLE), "# Response cache: shards vs init time, get/put throughput\n\n"
                + body(r, "."));
        if (resultsMd == null) return;
        String link = ResultsMarkdown.relativeLink(resultsMd, dir);
        ResultsMarkdown.updateSection(resultsMd, SECTION, "## Response cache: shards vs init time, get/put throughput\n\n"
                + "- Command: `" + r.provenance().getOrDefault("command", "mvn -pl bench exec:java -Dsweep=cache") + "`\n"
                + "- Date: " + r.provenance().getOrDefault("date", "") + "\n"
                + "- Report: [" + link + "](" + link + "/) — [table](" + link + "/" + ReportWriter.TABLE + "), ["
                + INIT_CSV + "](" + link + "/" + INIT_CSV + "), [" + THROUGHPUT_CSV + "](" + link + "/" + THROUGHPUT_CSV + ")\n\n"
                + body(r, link));
    }

    /** Both tables with their explanations; charts linked under {@code link}. */
    static String body(CacheResult r, String link) {
        StringBuilder sb = new StringBuilder();
        sb.append("Wall-clock, `ShardedSqliteCache` (SQLite per shard, WAL, synchronous=NORMAL, lazy open) in a fresh folder under ")
                .append(r.provenance().getOrDefault("cache directory", "the default cache directory")).append(". Median of ")
                .append(r.provenance().getOrDefault("repeats (init)", "?")).append(" repeats, milliseconds. The process's very first put ")
                .append("(SQLite's native library loads) took ").append(ms(r.firstOpenMs())).append(" and is kept out of the table.\n\n");
        sb.append("![init time vs shards](").append(link).append("/").append(INIT_PNG).append(")\n\n");
        MarkdownTable init = new MarkdownTable(List.of("shards", "build", "first get cold", "first put cold", "all shards cold",
                "first get warm", "first put warm", "all shards warm"));
        for (CacheResult.InitRow row : r.init()) {
            init.row(List.of(String.valueOf(row.shards()), ms(row.buildMs()), ms(row.firstGetColdMs()), ms(row.firstPutColdMs()),
                    ms(row.allShardsColdMs()), ms(row.firstGetWarmMs()), ms(row.firstPutWarmMs()), ms(row.allShardsWarmMs())));
        }
        sb.append(init.render()).append('\n');
        sb.append("Build = constructing the cache (touches nothing: lazy). Cold = empty directory: a first get finds no file and ")
                .append("creates none; a first put creates its shard (file, WAL, schema). Warm = a new instance on the filled ")
                .append("directory: the first get/put opens one existing shard. \"All shards\" = one operation in every shard, ")
                .append("which is what the lessons' FanoutCache paid at construction (8 shards: 4.7 s on NFS, 0.18 s on a local ")
                .append("disk; 1 shard: 0.5 s on NFS). Here a cache pays only for the shards its requests touch, on first touch.\n\n");
        MarkdownTable tp = new MarkdownTable(List.of("operation", "threads", "shards", "ops/s", "done", "skipped (busy)", "p50", "p99", "max"));
        for (CacheResult.ThroughputRow row : r.throughput()) {
            tp.row(List.of(row.operation(), String.valueOf(row.threads()), String.valueOf(row.shards()), Fmt.whole(row.opsPerSec()),
                    String.valueOf(row.done()), String.valueOf(row.skipped()), us(row.p50Us()), us(row.p99Us()), us(row.maxUs())));
        }
        sb.append(tp.render()).append('\n');
        sb.append("Throughput: each thread loops for ").append(r.provenance().getOrDefault("seconds per throughput cell", "?"))
                .append(" s; gets hit a filled cache of 512 entries, puts store new keys (a put that cannot get its lock within ")
                .append("the 75 ms busy timeout is skipped, never blocks: counted as skipped). Latency per operation in microseconds. ")
                .append("Shared machine (load average in the provenance): compare rows of one run, not runs of different days.\n\n");
        MarkdownTable prov = new MarkdownTable(List.of("Provenance", "Value"));
        new TreeMap<>(r.provenance()).forEach((k, v) -> prov.row(List.of(k, v)));
        sb.append(prov.render());
        return sb.toString();
    }

    static String initCsv(CacheResult r) {
        StringBuilder sb = new StringBuilder("shards,repeats,build_ms,first_get_cold_ms,first_put_cold_ms,all_shards_cold_ms,"
                + "first_get_warm_ms,first_put_warm_ms,all_shards_warm_ms\n");
        for (CacheResult.InitRow x : r.init()) {
            sb.append(x.shards()).append(',').append(x.repeats());
            for (double v : new double[]{x.buildMs(), x.firstGetColdMs(), x.firstPutColdMs(), x.allShardsColdMs(),
                    x.firstGetWarmMs(), x.firstPutWarmMs(), x.allShardsWarmMs()}) sb.append(',').append(Fmt.plain(v));
            sb.append('\n');
        }
        return sb.toString();
    }

    static String throughputCsv(CacheResult r) {
        StringBuilder sb = new StringBuilder("operation,threads,shards,seconds,done,skipped,ops_per_s,p50_us,p99_us,max_us\n");
        for (CacheResult.ThroughputRow x : r.throughput()) {
            sb.append(x.operation()).append(',').append(x.threads()).append(',').append(x.shards()).append(',').append(Fmt.plain(x.seconds()))
                    .append(',').append(x.done()).append(',').append(x.skipped()).append(',').append(Fmt.plain(x.opsPerSec()))
                    .append(',').append(Fmt.plain(x.p50Us())).append(',').append(Fmt.plain(x.p99Us())).append(',').append(Fmt.plain(x.maxUs())).append('\n');
        }
        return sb.toString();
    }

    private static XYChart chart(CacheResult r) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Response cache: opening every shard vs shard count")
                .xAxisTitle("shards").yAxisTitle("ms (median)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        add(chart, r, "all shards, cold (create)", CacheResult.InitRow::allShardsColdMs, new Color(0xd62728), false);
        add(chart, r, "all shards, warm (open)", CacheResult.InitRow::allShardsWarmMs, new Color(0x1f77b4), false);
        add(chart, r, "first put, cold", CacheResult.InitRow::firstPutColdMs, new Color(0xd62728), true);
        add(chart, r, "first get, warm", CacheResult.InitRow::firstGetWarmMs, new Color(0x1f77b4), true);
        return chart;
    }

    private static void add(XYChart chart, CacheResult r, String name, ToDoubleFunction<CacheResult.InitRow> f, Color c, boolean dashed) {
        XYSeries s = chart.addSeries(name, r.init().stream().map(x -> (double) x.shards()).toList(),
                r.init().stream().map(x -> f.applyAsDouble(x)).toList());
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
        if (dashed) s.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static String ms(double v) { return Fmt.finite(v) ? String.format(Locale.ROOT, "%.2f ms", v) : Fmt.MISSING; }

    private static String us(double v) { return Fmt.finite(v) ? String.format(Locale.ROOT, "%.0f µs", v) : Fmt.MISSING; }
}
