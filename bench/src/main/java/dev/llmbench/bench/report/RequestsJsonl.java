package dev.llmbench.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.bench.model.RequestRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cell slug>.requests.jsonl}: a cell's {@link RequestRecord}s, one JSON object per line (UTF-8, {@code \n}
 * after every line), the keys of {@link #KEYS} in that order on every line: snake_case, times in nanoseconds on the
 * JVM's monotonic clock ({@code *_ns}), derived durations in milliseconds ({@code *_ms}, exact: fixed point to the ns),
 * {@code null} for a moment or duration that is unknown. Lines are in completion order (the warm-up's first). Nothing but the request's id,
 * outcome, token counts and times is written: no prompt, no header, no key.
 */
public final class RequestsJsonl {
    /** The records file of the cell whose histogram log is {@code <slug>.hlog}. */
    public static final String SUFFIX = ".requests.jsonl";

    /** Every line's keys, in order (bench/README.md, "Per-request records", says what each is). */
    public static final List<String> KEYS = List.of("request_id", "phase", "warmup", "index", "outcome", "error_class",
            "input_tokens", "output_tokens", "usage_estimated",
            "intended_ns", "submit_ns", "send_ns", "headers_ns", "first_token_ns", "last_token_ns", "end_ns", "done_ns",
            "ttfb_ms", "ttft_ms", "tpot_ms", "e2e_ms", "queue_ms", "ttft_submit_ms", "e2e_submit_ms", "error_ms");

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .rootValueSeparator((String) null) // each line ends with its own newline instead
            .build();
    private static final ObjectMapper READER = new ObjectMapper(FACTORY);

    private RequestsJsonl() {}

    /** The records file name of the cell {@code slug}. */
    public static String fileName(String slug) { return slug + SUFFIX; }

    /** Creates (or replaces) {@code file} for appending records. */
    public static Appender create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return new Appender(Files.newOutputStream(file));
    }

    /** Writes records one line each; not thread-safe (one writer at a time). */
    public static final class Appender implements Closeable {
        private final JsonGenerator g;
        private final char[] digits = new char[32];
        private long lines;

        private Appender(OutputStream out) throws IOException {
            this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        }

        /** Appends {@code r} as one line (buffered: complete on disk after {@link #close}). */
        public void append(RequestRecord r) throws IOException {
            g.writeStartObject();
            g.writeStringField("request_id", r.requestId());
            g.writeStringField("phase", r.phase());
            g.writeBooleanField("warmup", r.warmup());
            g.writeNumberField("index", r.index());
            g.writeStringField("outcome", r.outcome().wire());
            g.writeStringField("error_class", r.errorClass());
            g.writeNumberField("input_tokens", r.inputTokens());
            g.writeNumberField("output_tokens", r.outputTokens());
            g.writeBooleanField("usage_estimated", r.usageEstimated());
            nanos("intended_ns", r.intendedNanos());
            nanos("submit_ns", r.submitNanos());
            nanos("send_ns", r.sendNanos());
            nanos("headers_ns", r.headersNanos());
            nanos("first_token_ns", r.firstTokenNanos());
            nanos("last_token_ns", r.lastTokenNanos());
            nanos("end_ns", r.endNanos());
            nanos("done_ns", r.doneNanos());
            ms("ttfb_ms", r.ttfbMs());
            ms("ttft_ms", r.ttftMs());
            ms("tpot_ms", r.tpotMs());
            ms("e2e_ms", r.e2eMs());
            ms("queue_ms", r.queueMs());
            ms("ttft_submit_ms", r.ttftSubmitMs());
            ms("e2e_submit_ms", r.e2eSubmitMs());
            ms("error_ms", r.errorMs());
            g.writeEndObject();
            g.writeRaw('\n');
            lines++;
        }

        /** Lines appended so far. */
        public long lines() { return lines; }

        private void nanos(String key, long v) throws IOException {
            if (v == 0) g.writeNullField(key);
            else g.writeNumberField(key, v);
        }

        /**
         * A duration in ms that is a whole number of ns (every figure of a record is): written exactly, in fixed point
         * with up to 6 decimals ({@code 12.3456}, {@code 20.0}), without formatting a double.
         */
        private void ms(String key, double v) throws IOException {
            g.writeFieldName(key);
            if (!Double.isFinite(v)) {
                g.writeNull();
                return;
            }
            int len = fixedMs(Math.round(v * 1e6), digits);
            g.writeNumber(digits, 0, len);
        }

        @Override
        public void close() throws IOException { g.close(); }
    }

    /** {@code nanos} as milliseconds in fixed point into {@code out} (at least one decimal, no trailing zeros); its length. */
    static int fixedMs(long nanos, char[] out) {
        int n = 0;
        if (nanos < 0) {
            out[n++] = '-';
            nanos = -nanos; // no record spans Long.MIN_VALUE ns
        }
        long whole = nanos / 1_000_000;
        int frac = (int) (nanos % 1_000_000);
        String w = Long.toString(whole);
        w.getChars(0, w.length(), out, n);
        n += w.length();
        out[n++] = '.';
        int digitsLeft = 6;
        do {
            frac *= 10; // shift the next decimal into the millions place
            out[n++] = (char) ('0' + frac / 1_000_000);
            frac %= 1_000_000;
        } while (--digitsLeft > 0 && frac != 0);
        return n;
    }

    /** Writes {@code records} to {@code file}, one line each. */
    public static void write(Path file, List<RequestRecord> records) throws IOException {
        try (Appender a = create(file)) {
            for (RequestRecord r : records) a.append(r);
        }
    }

    /**
     * Reads a records file back (the {@code *_ms} keys are derived from the times and not read).
     *
     * @throws IOException if a line is not a JSON object with the keys of {@link #KEYS}
     */
    public static List<RequestRecord> read(Path file) throws IOException {
        List<RequestRecord> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(record(READER.readTree(line)));
                } catch (RuntimeException e) {
                    throw new IOException(file.getFileName() + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static RequestRecord record(JsonNode o) {
        for (String k : KEYS) if (!o.has(k)) throw new IllegalArgumentException("no key " + k);
        JsonNode error = o.get("error_class");
        return new RequestRecord(o.get("request_id").asText(), o.get("warmup").asBoolean(), o.get("index").asInt(),
                RequestRecord.Outcome.ofWire(o.get("outcome").asText()), error.isNull() ? null : error.asText(),
                o.get("input_tokens").asLong(), o.get("output_tokens").asLong(), o.get("usage_estimated").asBoolean(),
                nanos(o, "intended_ns"), nanos(o, "submit_ns"), nanos(o, "send_ns"), nanos(o, "headers_ns"),
                nanos(o, "first_token_ns"), nanos(o, "last_token_ns"), nanos(o, "end_ns"), nanos(o, "done_ns"));
    }

    private static long nanos(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v.isNull() ? 0 : v.asLong();
    }
}
