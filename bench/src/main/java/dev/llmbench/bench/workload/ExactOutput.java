package dev.llmbench.bench.workload;

import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.Provider;
import dev.llmbench.simulator.SimulatorSettings;
import dev.llmbench.simulator.profile.ApiFormat;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.profile.Profiles;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code -DexactOutput=true}: every answer runs to its max_tokens, so output length is the workload's, not the
 * model's. vLLM (and servers copying its sampling parameters, e.g. SGLang) take {@code ignore_eos: true} (do not stop
 * at the end-of-sequence token) and {@code min_tokens} (do not stop before); both are sent, with
 * {@code min_tokens = max_tokens}, as extra body fields of the OpenAI Chat Completions format.
 *
 * <p>Where: a base-URL target (provider {@code generic}) and the simulator's OpenAI-format profiles (openai, together,
 * ...). The simulator does not read the two fields — it draws each answer's length (lognormal around the profile's
 * {@code output.mean}) and cuts it at max_tokens — so for the run {@link #simulatorSettings} sets those profiles'
 * {@code output.mean} to its maximum and {@code output.sigma} to 0: every draw is then cut at max_tokens, which is
 * what ignore_eos does. Not on live providers: OpenAI rejects fields it does not know, and neither it, Anthropic,
 * Gemini nor Together documents a way to force the length; there the model's own lengths stay ({@link #unsupported}).
 */
public final class ExactOutput {
    /** What the request carries, as the report says it. */
    public static final String FIELDS = "ignore_eos=true, min_tokens=max_tokens";
    /** The simulator's largest {@code output.mean}: every drawn length is then cut at max_tokens. */
    static final String UNBOUNDED_MEAN = "1000000";

    private ExactOutput() {}

    /** Whether requests to {@code e} can force their length: OpenAI format, and a base-URL server or the simulator. */
    public static boolean supported(Endpoint e, boolean simulatedTarget) {
        boolean openAiFormat = e.wireProvider() == Provider.OPENAI || e.wireProvider() == Provider.TOGETHER
                || e.wireProvider() == Provider.GENERIC;
        return openAiFormat && (simulatedTarget || e.provider().equals("generic"));
    }

    /** The body fields that force an answer of {@code maxTokens} tokens. */
    public static Map<String, Object> fields(int maxTokens) {
        return Map.of("ignore_eos", true, "min_tokens", maxTokens);
    }

    /** The one line a run prints for a provider that cannot force the length. */
    public static String unsupported(String provider) {
        return "-DexactOutput=true: " + provider + " has no way to force the output length (no ignore_eos or min_tokens);"
                + " its output lengths stay the model's choice, capped by max_tokens";
    }

    /**
     * The simulator settings that make the OpenAI-format profiles among {@code profiles} answer with exactly max_tokens
     * tokens (unknown profile names are left alone).
     */
    public static Map<String, String> simulatorSettings(Collection<String> profiles) {
        Map<String, Profile> builtIn = Profiles.load(new SimulatorSettings("openai", null, Map.of(), 0));
        Map<String, String> out = new TreeMap<>();
        for (String name : profiles) {
            Profile p = builtIn.get(name);
            if (p == null || p.format() != ApiFormat.OPENAI) continue;
            out.put(name + ".output.mean", UNBOUNDED_MEAN);
            out.put(name + ".output.sigma", "0");
        }
        return out;
    }
}
