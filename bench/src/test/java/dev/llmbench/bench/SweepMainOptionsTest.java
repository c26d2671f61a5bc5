package dev.llmbench.bench;

import dev.llmbench.bench.run.OptionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    })
    void aBadOptionIsOneLineNamingItTheValueAndTheValidChoicesWithExitCode2(String option, String value, String validHint) {
        Run r = run(Map.of(option, value));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("-D" + option + "=" + value).contains("valid:").contains(validHint)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out).isEmpty();
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
        for (OptionSpec o : OptionSpec.ALL) assertThat(r.out).contains("-D" + o.name()).contains("default: " + o.defaultValue());
        assertThat(r.err).isEmpty();
    }
}
