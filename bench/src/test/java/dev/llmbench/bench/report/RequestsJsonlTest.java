package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.model.RequestRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The records file: one JSON object a line with the documented keys, and read back as it was written. */
class RequestsJsonlTest {
    @TempDir
    Path dir;

    private static final long T = 9_000_000_000L; // a nanoTime origin

    /** An open-loop ok request: 10 input, 5 output tokens; 1 ms queue, 20 ms TTFT, 4 ms per token after the first. */
    static final RequestRecord OK = new RequestRecord("sec:cell-r0:m7", false, 7, Outcome.OK, null, 10, 5, false,
            T, T, T + 1_000_000, T + 3_000_000, T + 21_000_000, T + 37_000_000, T + 38_500_000, T + 38_600_000);
    static final RequestRecord LIMITED = new RequestRecord("sec:cell-r0:m8", false, 8, Outcome.ERROR, "RATE_LIMITED", 0, 0, false,
            0, T, 0, 0, 0, 0, 0, T + 2_500_000);
    static final RequestRecord CANCELLED = new RequestRecord("sec:cell-r0:m9", false, 9, Outcome.CANCELLED, null, 0, 0, false,
            0, T, 0, 0, T + 5_000_000, T + 6_000_000, 0, T + 9_000_000);
    static final RequestRecord CACHED = new RequestRecord("sec:cell-r0:w0", true, 0, Outcome.CACHE_HIT, null, 0, 0, false,
            0, T, 0, 0, 0, 0, 0, T + 100_000);

    @Test
    void everyLineIsOneJsonObjectWithTheDocumentedKeysInOrder() throws IOException {
        Path f = dir.resolve("cell-r0" + RequestsJsonl.SUFFIX);
        RequestsJsonl.write(f, List.of(OK, LIMITED, CANCELLED, CACHED));

        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode o = json.readTree(line);
            assertThat(o.isObject()).isTrue();
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(RequestsJsonl.KEYS);
        }

        assertThat(lines.get(0)).contains("\"ttfb_ms\":2.0,").contains("\"e2e_ms\":37.5,").contains("\"error_ms\":null}");
        JsonNode ok = json.readTree(lines.get(0));
        assertThat(ok.get("request_id").asText()).isEqualTo("sec:cell-r0:m7");
        assertThat(ok.get("phase").asText()).isEqualTo("measured");
        assertThat(ok.get("warmup").asBoolean()).isFalse();
        assertThat(ok.get("index").asInt()).isEqualTo(7);
        assertThat(ok.get("outcome").asText()).isEqualTo("ok");
        assertThat(ok.get("error_class").isNull()).isTrue();
        assertThat(ok.get("input_tokens").asLong()).isEqualTo(10);
        assertThat(ok.get("output_tokens").asLong()).isEqualTo(5);
        assertThat(ok.get("usage_estimated").asBoolean()).isFalse();
        assertThat(ok.get("intended_ns").asLong()).isEqualTo(T);
        assertThat(ok.get("send_ns").isIntegralNumber()).isTrue();
        assertThat(ok.get("send_ns").asLong()).isEqualTo(T + 1_000_000);
        assertThat(ok.get("done_ns").asLong()).isEqualTo(T + 38_600_000);
        assertThat(ok.get("ttfb_ms").asDouble()).isEqualTo(2.0);
        assertThat(ok.get("ttft_ms").asDouble()).isEqualTo(20.0);
        assertThat(ok.get("tpot_ms").asDouble()).isEqualTo(4.0);
        assertThat(ok.get("e2e_ms").asDouble()).isEqualTo(37.5);
        assertThat(ok.get("queue_ms").asDouble()).isEqualTo(1.0);
        assertThat(ok.get("ttft_submit_ms").asDouble()).isEqualTo(21.0);
        assertThat(ok.get("e2e_submit_ms").asDouble()).isEqualTo(38.5);
        assertThat(ok.get("error_ms").isNull()).isTrue();

        JsonNode limited = json.readTree(lines.get(1));
        assertThat(limited.get("outcome").asText()).isEqualTo("error");
        assertThat(limited.get("error_class").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.get("intended_ns").isNull()).as("closed loop: no intended start").isTrue();
        assertThat(limited.get("submit_ns").asLong()).isEqualTo(T);
        assertThat(limited.get("send_ns").isNull()).isTrue();
        assertThat(limited.get("ttft_ms").isNull()).isTrue();
        assertThat(limited.get("e2e_ms").isNull()).isTrue();
        assertThat(limited.get("error_ms").asDouble()).isEqualTo(2.5);

        JsonNode cancelled = json.readTree(lines.get(2));
        assertThat(cancelled.get("outcome").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("error_class").isNull()).isTrue();
        assertThat(cancelled.get("first_token_ns").asLong()).as("the tokens it got before it was cancelled").isEqualTo(T + 5_000_000);
        assertThat(cancelled.get("error_ms").asDouble()).isEqualTo(9.0);

        JsonNode cached = json.readTree(lines.get(3));
        assertThat(cached.get("outcome").asText()).isEqualTo("cache_hit");
        assertThat(cached.get("phase").asText()).isEqualTo("warmup");
        assertThat(cached.get("warmup").asBoolean()).isTrue();
        assertThat(cached.get("error_ms").isNull()).isTrue();
    }

    @Test
    void readingTheFileGivesBackTheRecordsWritten() throws IOException {
        Path f = dir.resolve("c" + RequestsJsonl.SUFFIX);
        List<RequestRecord> written = List.of(OK, LIMITED, CANCELLED, CACHED);
        RequestsJsonl.write(f, written);

        List<RequestRecord> read = RequestsJsonl.read(f);
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(read.get(0).tpotMs()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void aLineWithoutADocumentedKeyIsRefusedWithItsLineNumber() throws IOException {
        Path f = dir.resolve("bad" + RequestsJsonl.SUFFIX);
        RequestsJsonl.write(f, List.of(OK));
        Files.writeString(f, Files.readString(f) + "{\"request_id\":\"x\"}\n");

        assertThatThrownBy(() -> RequestsJsonl.read(f)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void millisecondsAreWrittenExactlyInFixedPoint() {
        char[] buf = new char[32];
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(0, buf))).isEqualTo("0.0");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(1, buf))).isEqualTo("0.000001");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(20_000_000, buf))).isEqualTo("20.0");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(123_456_789, buf))).isEqualTo("123.456789");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(12_300_000, buf))).isEqualTo("12.3");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(-1_500_000, buf))).isEqualTo("-1.5");
        assertThat(new String(buf, 0, RequestsJsonl.fixedMs(86_400_000_000_007L, buf))).isEqualTo("86400000.000007");
    }

    @Test
    void theFileNameIsTheCellSlugWithTheSuffix() {
        assertThat(RequestsJsonl.fileName("openai-ref-okhttp-h2-c4-r1")).isEqualTo("openai-ref-okhttp-h2-c4-r1.requests.jsonl");
    }
}
