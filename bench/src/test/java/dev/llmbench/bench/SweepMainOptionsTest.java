package dev.llmbench.bench;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.sweep.Sweep;
import dev.llmbench.bench.sweep.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SweepMainOptionsTest {

    private record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SweepMain.run(options, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sweep|concurrancy|http-version",
            "provider|openai,mistral|anthropic",
            "concurrency|8,x,32|integers >= 1",
            "concurrency|0|integers >= 1",
            "n|-3|>= 1",
            "warmup|some|auto",
            "repeats|0|>= 1",
            "rate|fast|> 0",
            "maxTokens|0|>= 1",
            "transport|okhttp-h3|netty-h2",
            "target|ftp://host|live",
            "seed|1.5|integer",
            "quick|maybe|true, false",
            "simInProcess|yes please|true, false",
            "simSet|openai|profile.param=value",
            "inputTokens|uniform:5-2|uniform:A-B",
            "outputTokens|normal:x|normal:MEAN,SD",
            "exactOutput|maybe|true, false",
    })
    void aBadOptionIsOneLineNamingItTheValueAndTheValidChoicesWithExitCode2(String option, String value, String validHint) {
        Run r = run(Map.of(option, value));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("-D" + option + "=" + value).contains("valid:").contains(validHint)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out).isEmpty();
    }

    @TempDir
    Path tmp;

    /** A bad path or file is bad input: one line naming it, exit 2, before anything starts or is written. */
    private void assertBadInput(Map<String, String> options, String... mentions) {
        Run r = run(options);

        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err.lines()).as(r.err).hasSize(1);
        assertThat(r.err).contains("valid:").doesNotContain("\tat ");
        for (String m : mentions) assertThat(r.err).contains(m);
        assertThat(r.out).isEmpty();
    }

    @Test
    void anUnwritableReportsOrResultsLocationIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x"); // even root cannot make a directory under a file
        assertBadInput(Map.of("reports", file.resolve("reports").toString()), "-Dreports=", "writable directory");
        assertBadInput(Map.of("reports", tmp.resolve("r").toString(), "results", file.resolve("RESULTS.md").toString()),
                "-Dresults=", "writable directory");
        assertThat(tmp.resolve("r")).as("checked, but nothing written into it").isEmptyDirectory();
    }

    @Test
    void aReportsLocationThatIsAFileOrReadOnlyIsBadInputForEverySweepThatWrites() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path readOnly = Path.of("/proc/self"); // an existing directory nobody, root included, can create a file in
        for (String sweep : List.of("concurrency", "cache")) {
            assertBadInput(Map.of("sweep", sweep, "reports", file.toString(), "results", tmp.resolve("RESULTS.md").toString()),
                    "-Dreports=" + file, "this is a file");
            if (Files.isDirectory(readOnly)) {
                assertBadInput(Map.of("sweep", sweep, "reports", readOnly.toString(), "results", tmp.resolve("RESULTS.md").toString()),
                        "-Dreports=/proc/self", "writable directory");
            }
        }
        assertThat(file).hasContent("x");
        assertThat(tmp.resolve("RESULTS.md")).doesNotExist();
    }

    @Test
    void anUnusableCacheDirectoryIsBadInputBeforeTheCacheBenchmarkStarts() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for (Path bad : List.of(file, file.resolve("cache"))) { // a file, and a directory that cannot exist (even for root)
            assertBadInput(Map.of("sweep", "cache", "cacheDir", bad.toString(), "reports", tmp.resolve("r").toString(),
                    "results", tmp.resolve("RESULTS.md").toString()), "-DcacheDir=" + bad, "writable directory");
        }
        assertThat(tmp.resolve("r")).as("nothing written").doesNotExist();
        assertThat(tmp.resolve("RESULTS.md")).doesNotExist();
    }

    @Test
    void aTruncatedOrMissingPriceListIsBadInput() throws IOException {
        Path prices = Files.writeString(tmp.resolve("prices.csv"),
                "provider,model,input,cached_input,cache_write,output,reasoning,batch_discount\nopenai,gpt-4.1-nano,0.1,0.025\n");
        Map<String, String> base = Map.of("reports", tmp.resolve("r").toString(), "results", tmp.resolve("RESULTS.md").toString());
        Map<String, String> o = new HashMap<>(base);
        o.put("prices", prices.toString());
        assertBadInput(o, "-Dprices", "prices.csv:2", "truncated");
        o.put("prices", tmp.resolve("none.csv").toString());
        assertBadInput(o, "-Dprices", "existing price list");
        assertThat(tmp.resolve("RESULTS.md")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "openai.latency.medianMs=-5|latency.medianMs",
            "openai.no-such-parameter=1|no-such-parameter",
            "mistral.latency.medianMs=5|unknown profile 'mistral'",
            "openai.fault.http-500=2|fault.http-500",
    })
    void aSimulatorSettingOutOfRangeIsBadInputBeforeTheSimulatorStarts(String simSet, String mention) {
        assertBadInput(Map.of("simSet", simSet, "reports", tmp.resolve("r").toString(), "results", tmp.resolve("RESULTS.md").toString()),
                "-DsimSet=", mention);
    }

    @Test
    void aLiveRunWithoutAnyKeyIsBadInputNamingTheVariables() {
        for (String v : List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "TOGETHER_API_KEY")) {
            assumeTrue(System.getenv(v) == null || System.getenv(v).isBlank(), v + " is set here");
        }
        Run r = run(Map.of("target", "live", "provider", "openai,gemini", "reports", tmp.resolve("r").toString(),
                "results", tmp.resolve("RESULTS.md").toString()));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("-Dtarget=live").contains("OPENAI_API_KEY").contains("GEMINI_API_KEY").contains("valid:");
        assertThat(tmp.resolve("RESULTS.md")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sim|gemini|gpt-4o|gemini takes gemini/*",
            "sim|openai,anthropic|claude-sonnet-4-5|openai takes gpt-*",
            "live|openai|llama-3.3-70b|openai takes gpt-*",
            "live|together|anthropic/claude-x|together takes together_ai/*",
    })
    void aModelTheClientWouldRouteToAnotherProviderIsBadInputBeforeAnyRequest(String target, String provider, String model, String mention) {
        Map<String, String> o = new HashMap<>(Map.of("target", target, "provider", provider, "model", model,
                "reports", tmp.resolve("r").toString(), "results", tmp.resolve("RESULTS.md").toString()));
        assertBadInput(o, "-Dmodel=" + model, mention);
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void aBrokenOrMissingDatasetIsOneLineNamingFileAndLineBeforeAnythingStarts() throws IOException {
        Path data = Files.writeString(tmp.resolve("data.json"), "[\n{\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\n"
                + "{\"conversations\": {\"from\": \"human\"}}\n]\n");
        Map<String, String> o = new HashMap<>(Map.of("dataset", data.toString(), "reports", tmp.resolve("r").toString(),
                "results", tmp.resolve("RESULTS.md").toString()));
        assertBadInput(o, "-Ddataset=" + data, data + ":3: entry 1: \"conversations\" is not a list but an object");

        o.put("dataset", tmp.resolve("none.json").toString());
        assertBadInput(o, "-Ddataset=", "an existing, readable file");

        o.put("dataset", data.toString());
        o.put("inputTokens", "fixed:10");
        assertBadInput(o, "-DinputTokens=fixed:10", "not with -Ddataset");
        assertThat(tmp.resolve("r")).isEmptyDirectory(); // checked by the preflight, nothing written
    }

    @Test
    void aBaseUrlTargetNeedsAModel() {
        Run r = run(Map.of("target", "http://127.0.0.1:1/v1"));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("-Dmodel");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Run r = run(Map.of("sweep", "help"));

        assertThat(r.code).isZero();
        for (Option<?> o : Options.ALL) assertThat(r.out).contains("-D" + o.name()).contains("default: " + o.defaultText());
        for (Sweep s : Catalog.ALL) assertThat(r.out).contains("  " + s.name() + " ");
        assertThat(r.out).contains("read by: cache").contains("read by: every cell sweep");
        assertThat(r.err).isEmpty();
    }

    @Test
    void aMisspeltOptionIsOneLineNamingTheNearestWithExitCode2() {
        Run r = run(Map.of("concurency", "2"));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("-Dconcurency=2").contains("did you mean -Dconcurrency?");
        assertThat(r.out).isEmpty();
    }

    @Test
    void systemPropertiesThatAreNotOursPassAndAMisspeltOneIsKept() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("java.version", "17");
        p.setProperty("maven.repo.local", "/tmp/m2");
        p.setProperty("exec.mainClass", "x");
        p.setProperty("user.dir", "/tmp");
        p.setProperty("skipTests", "true");
        p.setProperty("n", "3");
        p.setProperty("concurency", "2");

        assertThat(SweepMain.ours(p)).containsOnlyKeys("n", "concurency");
    }

    @Test
    void anOptionTheSweepDoesNotReadIsSaidOnce() {
        Run r = run(Map.of("sweep", "jmh", "jmhResults", "no/such/folder", "n", "5"));

        assertThat(r.err.lines().filter(l -> l.contains("-Dn is not read by -Dsweep=jmh"))).hasSize(1);
    }
}
