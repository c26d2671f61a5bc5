package dev.llmbench.bench;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate sweep and the capacity search through SweepMain against the in-process simulator. */
class RateAndCapacitySweepTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> options) {
        Map<String, String> o = new HashMap<>(Map.of("simInProcess", "true", "provider", "openai",
                "reports", dir.resolve("reports").toString(), "results", dir.resolve("RESULTS.md").toString()));
        o.putAll(options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SweepMain.run(o, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private SweepResult onlyResult() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return JsonReport.read(dirs.get(0).resolve("results.json"));
        }
    }

    private Path onlyDir() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /**
     * A simulator profile whose capacity is known exactly: 8 concurrent requests per key (more get a 429 at once),
     * each held 50 ms, no network time. Arrivals are Poisson, so this is Erlang's loss system M/G/8/8: a request is
     * refused with probability {@link #erlangB}(8, rate × 0.05 s), whatever the holding time's distribution.
     */
    private static final String KNOWN_CAPACITY = String.join(";", "openai.limit.concurrency=8", "openai.limit.rpm=0",
            "openai.limit.tpm=0", "openai.latency.medianMs=50", "openai.latency.sigma=0", "openai.network.rttMs=0",
            "openai.network.connectMs=0", "openai.decode.tokensPerSecond=0", "openai.output.sigma=0");

    /** Erlang's B formula: the share of arrivals a full system of {@code servers} refuses at {@code erlangs} offered. */
    static double erlangB(int servers, double erlangs) {
        double b = 1;
        for (int k = 1; k <= servers; k++) b = erlangs * b / (k + erlangs * b);
        return b;
    }

    /** The rate at which Erlang's B refuses exactly {@code 1 - attainment} of arrivals (bisection; B rises with the rate). */
    static double capacity(int servers, double holdSeconds, double attainment) {
        double lo = 0;
        double hi = 10 * servers / holdSeconds;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (erlangB(servers, mid * holdSeconds) <= 1 - attainment) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    @Test
    void erlangBMatchesItsTable() {
        assertThat(erlangB(1, 1)).isEqualTo(0.5);
        assertThat(erlangB(8, 4.54)).isBetween(0.049, 0.051); // the 5% column of the Erlang B table
        assertThat(capacity(8, 0.05, 0.95)).isBetween(90.0, 92.0);
    }

    @Test
    void theRateSweepProbesThenSpreadsRatesAndAchievesThemWhereTheServerHasRoom() throws IOException {
        Run r = run(Map.of("sweep", "rate", "quick", "true", "rates", "2", "concurrency", "4", "slo", "e2e<=10s"));
        assertThat(r.code).as(r.err + r.out).isZero();
        SweepResult result = onlyResult();
        List<CellResult> cells = result.cells();
        assertThat(cells).extracting(c -> c.key().variant()).startsWith("sync", "throughput");
        assertThat(cells).hasSize(4);
        double sync = cells.get(0).derived().achievedRate();
        double throughput = cells.get(1).derived().achievedRate();
        assertThat(throughput).as("4 in flight serve more than 1").isGreaterThan(sync);
        List<CellResult> points = cells.subList(2, 4);
        assertThat(points).allMatch(c -> c.measured().openLoop());
        assertThat(points.get(0).measured().offeredRate()).isCloseTo(sync + (throughput - sync) / 2, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(points.get(1).measured().offeredRate()).isCloseTo(throughput, org.assertj.core.data.Percentage.withPercentage(1));
        CellResult room = points.get(0); // halfway: the server has room
        double tolerance = 4 / Math.sqrt(room.measured().steady().allCompletions());
        assertThat(room.derived().achievedRate() / room.measured().offeredRate()).isBetween(1 - tolerance, 1 + tolerance);
        assertThat(room.derived().sloAttainment()).isEqualTo(1.0);
        assertThat(r.out).contains("[").contains(" s] ").contains("time left");

        Path report = onlyDir();
        assertThat(report.resolve("latency-vs-rate.png")).exists();
        assertThat(report.resolve("goodput.png")).exists();
        String csv = Files.readString(report.resolve("results.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).contains("achieved_rate", "slo_attainment", "goodput_req_s", "stopped_early");
        assertThat(Files.readString(report.resolve("table.md"))).contains("achieved req/s", "SLO met", "goodput req/s");
    }

    @Test
    void theCapacitySearchLandsOnTheKnownCapacity() throws IOException {
        double truth = capacity(8, 0.05, 0.95);
        Run r = run(Map.of("sweep", "capacity", "slo", "e2e<=5s", "rate", "30", "duration", "3s", "capacitySteps", "6",
                "concurrency", "64", "simSet", KNOWN_CAPACITY));
        assertThat(r.code).as(r.err + r.out).isZero();
        Matcher m = Pattern.compile("max sustainable rate, openai [^:]+: ([0-9.]+) req/s; bracket: holds at ([0-9.]+) \\([^)]*\\), fails at ([0-9.]+)")
                .matcher(r.out);
        assertThat(m.find()).as(r.out).isTrue();
        double lo = Double.parseDouble(m.group(2));
        double hi = Double.parseDouble(m.group(3));
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(lo);
        // each point rests on ~3 s of arrivals: its attainment is known to about a percent, which near the answer moves
        // the rate where it crosses 95% by ~10%; the bracket, widened by that, holds the truth
        assertThat(lo).as("holds at %s, truth %s\n%s", lo, truth, r.out).isLessThan(truth * 1.15);
        assertThat(hi).as("fails at %s, truth %s\n%s", hi, truth, r.out).isGreaterThan(truth / 1.15);
        assertThat(lo).isLessThan(hi);
        SweepResult result = onlyResult();
        assertThat(result.cells()).hasSizeLessThanOrEqualTo(6);
        assertThat(result.conclusions()).hasSize(1);
        assertThat(result.conclusions().values().iterator().next()).startsWith(m.group(1) + " req/s");
        assertThat(Files.readString(onlyDir().resolve("table.md"))).contains("Max sustainable rate, openai");
    }

    @Test
    void aQuickCapacitySearchStartsFromASynchronousProbeAndConcludes() throws IOException {
        Run r = run(Map.of("sweep", "capacity", "quick", "true", "slo", "ttft<=5s"));
        assertThat(r.code).as(r.err + r.out).isZero();
        SweepResult result = onlyResult();
        assertThat(result.cells().get(0).key().variant()).isEqualTo("sync");
        assertThat(result.cells().get(0).measured().openLoop()).isFalse();
        assertThat(result.cells().get(1).measured().offeredRate()).as("the first point is the probe's rate")
                .isCloseTo(result.cells().get(0).derived().achievedRate(), org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(result.cells()).hasSizeLessThanOrEqualTo(1 + 6);
        assertThat(result.conclusions()).hasSize(1);
        assertThat(result.conclusions().values().iterator().next()).containsPattern("^(at least |below )?[0-9.]+ req/s");
        assertThat(r.out).contains("max sustainable rate, openai");
    }

    @Test
    void theCapacitySearchNeedsAnSloAndOtherSweepsTakeOneRate() {
        Run noSlo = run(Map.of("sweep", "capacity"));
        assertThat(noSlo.code).isEqualTo(2);
        assertThat(noSlo.err).contains("-Dslo").contains("ttft<=T").doesNotContain("\n\n");
        Run list = run(Map.of("sweep", "concurrency", "rate", "1,2"));
        assertThat(list.code).isEqualTo(2);
        assertThat(list.err).contains("-Drate=1,2").contains("one rate");
    }
}
