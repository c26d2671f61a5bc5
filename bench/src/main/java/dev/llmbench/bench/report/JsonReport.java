package dev.llmbench.bench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the provenance and every cell, as the model records. An unmeasured number (NaN) is written as
 * {@code null} so that strict JSON readers accept the file; {@link #read} turns it back into NaN. +Infinity (an adjusted
 * percentile that falls among the failed requests) is the string {@code "Infinity"}.
 */
public final class JsonReport {
    /** Bumped when the layout changes incompatibly (2: each cell is {@code measured} + {@code derived}). */
    public static final int SCHEMA = 2;

    /** The units of the numbers in a cell, by field name (written into every file so that it explains itself). */
    public static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("measured.latency.*, measured.adjusted.*, measured.overhead.{ttft,itl,tpot}.*", "ms (count: samples)"),
            Map.entry("measured.wallSeconds, measured.steady.windowSeconds, measured.batch.wallSeconds", "s"),
            Map.entry("measured.offeredRate, derived.requestsPerSec, derived.achievedRate, derived.goodputReqPerSec", "requests/s"),
            Map.entry("measured.slo.*Millis", "ms"),
            Map.entry("derived.sloAttainment", "share of sent requests, 0..1"),
            Map.entry("derived.outputTokPerSec, derived.batchOutputTokPerSec, derived.littleOutputTokPerSec", "output tokens/s"),
            Map.entry("measured.cpuMillis, measured.steady.cpuMillis", "ms of process CPU time"),
            Map.entry("derived.cpuMsPer1kTokens, derived.cpuPhaseMsPer1kTokens", "ms of process CPU time per 1,000 output tokens"),
            Map.entry("derived.costUsd", "USD"),
            Map.entry("measured.overhead.wallEfficiency", "ratio, 1.0 = no harness cost"),
            Map.entry("hlogFile", "HdrHistogram log, values in µs"),
            Map.entry("requestsFile", "per-request records, one JSON object a line: *_ns on the JVM's monotonic clock, *_ms"));

    /** The file's top level. */
    public record Document(int schema, String sweep, String title, boolean simulated, Map<String, String> units,
                           Map<String, String> provenance, List<CellResult> cells, Map<String, String> conclusions) {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(nanAsNull())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonReport() {}

    public static String render(SweepResult r) throws IOException {
        return MAPPER.writeValueAsString(new Document(SCHEMA, r.sweep(), r.title(), r.simulated(), UNITS, r.provenance(), r.cells(),
                r.conclusions())) + "\n";
    }

    /** Reads a {@code results.json} back, e.g. to regenerate RESULTS.md from an earlier run. */
    public static SweepResult read(Path file) throws IOException {
        Document d = MAPPER.readValue(file.toFile(), Document.class);
        if (d.schema() != SCHEMA) throw new IOException(file + ": results.json schema " + d.schema() + ", this reader knows " + SCHEMA);
        return new SweepResult(d.sweep(), d.title(), d.provenance(), d.simulated(), d.cells() == null ? List.of() : d.cells(),
                d.conclusions());
    }

    private static SimpleModule nanAsNull() {
        SimpleModule m = new SimpleModule("nan-as-null");
        StdScalarSerializer<Double> ser = new StdScalarSerializer<>(Double.class) {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Fmt.finite(v)) g.writeNumber(v);
                else if (v == Double.POSITIVE_INFINITY) g.writeString("Infinity"); // an adjusted percentile; read back as such
                else g.writeNull();
            }
        };
        m.addSerializer(Double.class, ser);
        m.addSerializer(Double.TYPE, ser);
        m.addDeserializer(Double.TYPE, new StdScalarDeserializer<>(Double.TYPE) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return p.getValueAsDouble(Double.NaN);
            }

            @Override
            public Double getNullValue(DeserializationContext ctx) { return Double.NaN; }
        });
        return m;
    }
}
