package dev.llmbench.simulator.profile;

import dev.llmbench.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {

    static Map<String, Profile> load(Map<String, String> overrides) {
        return Profiles.load(new SimulatorSettings("openai", null, overrides, 1));
    }

    @Test
    void builtInProfiles() {
        Map<String, Profile> p = load(Map.of());
        assertThat(p).containsKeys("openai", "anthropic", "gemini", "together", "zero");
        Profile zero = p.get("zero");
        assertThat(zero.latencyMedianMs()).isZero();
        assertThat(zero.decodeTokensPerSecond()).isZero();
        assertThat(zero.rttMs()).isZero();
        assertThat(zero.outputMean()).isEqualTo(134);
        assertThat(zero.outputSigma()).isZero();
        assertThat(zero.hasKeyLimits()).isFalse();
        assertThat(zero.faultRates()).isEmpty();
        assertThat(p.get("together").stopReason()).isEqualTo("eos");
        assertThat(p.get("together").h2ConnectionTokensPerSecond()).isPositive();
        assertThat(p.get("anthropic").h2ConnectionTokensPerSecond()).isPositive();
        assertThat(p.get("anthropic").capacityPolicy()).isEqualTo(CapacityPolicy.REJECT);
        assertThat(p.get("openai").keyConcurrency()).isBetween(33, 63);
        assertThat(p.get("gemini").keyConcurrency()).isZero();
        assertThat(p.get("gemini").tokensPerEvent()).isGreaterThan(1);
        assertThat(p.get("fixed").replay()).isTrue();
        assertThat(p.get("fixed")).usingRecursiveComparison().ignoringFields("name", "replay").isEqualTo(zero);
        assertThat(p.values().stream().filter(Profile::replay).map(Profile::name)).containsExactly("fixed");
    }

    @Test
    void replayIsRefusedWherePartOfTheModelWouldBeSkipped() {
        assertThatThrownBy(() -> load(Map.of("openai.io.replay", "true")))
                .hasMessage("openai.io.replay=true: a replayed answer skips the timing, limit and fault model, but "
                        + "latency.medianMs=175.0 (set it to 0 or io.replay=false)");
        assertThatThrownBy(() -> load(Map.of("fixed.fault.http-500", "0.1"))).hasMessageContaining("but fault.*=0.1");
        assertThatThrownBy(() -> load(Map.of("fixed.limit.rpm", "60"))).hasMessageContaining("but limit.rpm=60.0");
        assertThatThrownBy(() -> load(Map.of("fixed.cache.mode", "auto"))).hasMessageContaining("but cache.mode=auto");
        assertThat(load(Map.of("zero.io.replay", "true")).get("zero").replay()).isTrue();
    }

    @Test
    void fileThenOverridesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "openai.limit.rpm=100\nopenai.limit.tpm=5000\nopenai.fault.http-500=0.25\n");
        Map<String, Profile> p = Profiles.load(new SimulatorSettings("openai", file, Map.of("openai.limit.rpm", "7"), 1));
        assertThat(p.get("openai").requestsPerMinute()).isEqualTo(7);
        assertThat(p.get("openai").tokensPerMinute()).isEqualTo(5000);
        assertThat(p.get("openai").faultRate(FaultKind.HTTP_500)).isEqualTo(0.25);
    }

    @Test
    void newProfileInheritsFromItsBase() {
        Map<String, Profile> p = load(Map.of("slowai.base", "openai", "slowai.latency.medianMs", "900"));
        assertThat(p.get("slowai").latencyMedianMs()).isEqualTo(900);
        assertThat(p.get("slowai").keyConcurrency()).isEqualTo(p.get("openai").keyConcurrency());
    }

    @Test
    void badValuesNameTheKeyAndTheRange() {
        assertThatThrownBy(() -> load(Map.of("openai.latency.medianMs", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openai.latency.medianMs=-1: expected a number in [0, 600000]");
        assertThatThrownBy(() -> load(Map.of("openai.limit.rpm", "lots")))
                .hasMessage("openai.limit.rpm=lots: expected an integer in [0, 1000000000]");
        assertThatThrownBy(() -> load(Map.of("openai.cache.mode", "sometimes")))
                .hasMessage("openai.cache.mode=sometimes: expected one of auto, explicit, off");
        assertThatThrownBy(() -> load(Map.of("openai.fault.http-500", "1.5")))
                .hasMessage("openai.fault.http-500=1.5: expected a number in [0, 1]");
        assertThatThrownBy(() -> load(Map.of("openai.fault.http-500", "0.6", "openai.fault.truncate", "0.6")))
                .hasMessageStartingWith("openai.fault.*: rates add up to");
        assertThatThrownBy(() -> load(Map.of("openai.thinking.default", "maybe")))
                .hasMessage("openai.thinking.default=maybe: expected true or false");
    }

    @Test
    void unknownKeysAreRejected() {
        assertThatThrownBy(() -> load(Map.of("openai.latency.median", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown parameter openai.latency.median (known: ");
        assertThatThrownBy(() -> load(Map.of("openia.limit.rpm", "5")))
                .hasMessageStartingWith("unknown profile 'openia'");
        assertThatThrownBy(() -> load(Map.of("x.base", "nope")))
                .hasMessageStartingWith("x.base=nope: expected one of");
        assertThatThrownBy(() -> load(Map.of("rpm", "5"))).hasMessageStartingWith("bad key 'rpm'");
        assertThatThrownBy(() -> Profiles.load(new SimulatorSettings("nosuch", null, Map.of(), 1)))
                .hasMessageStartingWith("default profile 'nosuch' is not defined");
        assertThatThrownBy(() -> Profiles.load(new SimulatorSettings("openai", Path.of("/nonexistent/p.properties"), Map.of(), 1)))
                .hasMessageStartingWith("cannot read profile file /nonexistent/p.properties");
    }

    @Test
    void messagesAreOneLine() {
        try {
            load(Map.of("openai.models", "a b"));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return;
        }
        throw new AssertionError("expected a failure");
    }
}
