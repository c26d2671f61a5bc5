package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * For random streams of each provider's format: the decoder makes exactly the same sink calls however the body is cut
 * (down to 1-byte pieces) and whatever line endings it uses; and mangled bodies (byte edits, or whole events dropped,
 * repeated, reordered, replaced, mistyped, nested deep, made huge) end in exactly one onDone/onError, a typed error,
 * nothing after it, never an exception and never a hang, for every provider's codec, streamed, whole and error bodies.
 */
class DecoderProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SPECIAL = "{}[]\":,\\\n\r".getBytes(StandardCharsets.US_ASCII);

    /** One delta of a stream: text or thought text, optionally preceded by an SSE comment. */
    record Delta(String text, boolean thought, boolean comment) {}

    record Script(List<Delta> deltas, boolean usage, boolean terminal) {}

    /** Fixed base seed: every run generates the same cases. Each case's own seed is in its name and failure message. */
    private static final long BASE_SEED = 0x4C4C_4D42_4445_4331L;

    @TestFactory
    Stream<DynamicTest> openAiCallsDoNotDependOnSplitsOrLineEndings() {
        return cases("openAiCallsDoNotDependOnSplitsOrLineEndings", "openAiCase", 150, DecoderProperties::openAiCase);
    }

    @TestFactory
    Stream<DynamicTest> anthropicCallsDoNotDependOnSplitsOrLineEndings() {
        return cases("anthropicCallsDoNotDependOnSplitsOrLineEndings", "anthropicCase", 150,
                DecoderProperties::anthropicCase);
    }

    @TestFactory
    Stream<DynamicTest> geminiCallsDoNotDependOnSplitsOrLineEndings() {
        return cases("geminiCallsDoNotDependOnSplitsOrLineEndings", "geminiCase", 150, DecoderProperties::geminiCase);
    }

    @TestFactory
    Stream<DynamicTest> mangledStreamsEndInExactlyOneOutcomeAndNeverThrow() {
        return cases("mangledStreamsEndInExactlyOneOutcomeAndNeverThrow", "mangledCase", 300,
                DecoderProperties::mangledCase);
    }

    @TestFactory
    Stream<DynamicTest> eventLevelMutationsEndInEventsOrATypedErrorForEveryProvider() {
        return cases("eventLevelMutationsEndInEventsOrATypedErrorForEveryProvider", "mutatedEventsCase", 200,
                DecoderProperties::mutatedEventsCase);
    }

    @TestFactory
    Stream<DynamicTest> mangledWholeAndErrorBodiesNeverThrow() {
        return cases("mangledWholeAndErrorBodiesNeverThrow", "mangledWholeBodyCase", 100, DecoderProperties::mangledWholeBodyCase);
    }

    @TestFactory
    Stream<DynamicTest> randomBytesNeverThrow() {
        return cases("randomBytesNeverThrow", "randomBytesCase", 200, DecoderProperties::randomBytesCase);
    }

    // --- one case of each property, a function of its case seed alone (call it directly to reproduce a failure) --

    static void openAiCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Script script = script(g);
        checkSplitInvariance(Provider.OPENAI, openAi(script), g.nextLong());
    }

    static void anthropicCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Script script = script(g);
        checkSplitInvariance(Provider.ANTHROPIC, anthropic(script), g.nextLong());
    }

    static void geminiCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Script script = script(g);
        checkSplitInvariance(Provider.GEMINI, gemini(script), g.nextLong());
    }

    static void mangledCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Script script = script(g);
        Random random = new Random(g.nextLong());
        Provider provider = List.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.GEMINI).get(random.nextInt(3));
        String body = switch (provider) {
            case ANTHROPIC -> anthropic(script);
            case GEMINI -> gemini(script);
            default -> openAi(script);
        };
        byte[] mangled = mangle(body.getBytes(StandardCharsets.UTF_8), random);
        int[] splits = splits(mangled.length, random);
        RecordingSink[] result = new RecordingSink[1];
        assertThatCode(() -> result[0] = RecordingSink.decode(Codecs.forProvider(provider), mangled, splits))
                .doesNotThrowAnyException();
        assertThat(result[0].terminals).isEqualTo(1);
        assertThat(result[0].callAfterTerminal).isFalse();
    }

    /** What a stream may end with when its events were damaged: a protocol error, or the provider error it carried. */
    private static final Set<LlmException.Kind> STREAM_ERROR_KINDS = EnumSet.of(LlmException.Kind.PROTOCOL,
            LlmException.Kind.SERVER_ERROR, LlmException.Kind.OVERLOADED, LlmException.Kind.RATE_LIMITED,
            LlmException.Kind.BAD_REQUEST, LlmException.Kind.AUTH);
    /** A decoder must finish any case in far less; more means a loop that does not end. */
    private static final Duration HANG = Duration.ofSeconds(10);

    /**
     * A well-formed stream of any provider (Together and generic included: same format, own codec instances) with
     * whole events dropped, duplicated, swapped, replaced by another provider's, given wrong JSON types, deep nesting,
     * huge lines, unknown event names or the provider's error event: the decoder ends in exactly one onDone or onError,
     * an error is a {@link #STREAM_ERROR_KINDS typed} one, nothing follows it, nothing is thrown, nothing hangs.
     */
    static void mutatedEventsCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Script script = script(g);
        Random random = new Random(g.nextLong());
        Provider provider = Provider.values()[random.nextInt(Provider.values().length)];
        List<String> events = new ArrayList<>(List.of(body(provider, script).split("\n\n")));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) mutateEvents(events, provider, script, random);
        byte[] body = (String.join("\n\n", events) + "\n\n").getBytes(StandardCharsets.UTF_8);
        int[] splits = splits(body.length, random);
        RecordingSink sink = assertTimeoutPreemptively(HANG, () -> RecordingSink.decode(Codecs.forProvider(provider), body, splits));
        assertThat(sink.terminals).isEqualTo(1);
        assertThat(sink.callAfterTerminal).isFalse();
        if (sink.error != null) assertThat(sink.error.kind()).isIn(STREAM_ERROR_KINDS);
    }

    /** Whole (non-streaming) bodies and error bodies, byte-mangled: one outcome, a typed error, never an exception. */
    static void mangledWholeBodyCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        Random random = new Random(g.nextLong());
        Provider provider = Provider.values()[random.nextInt(Provider.values().length)];
        ProviderCodec codec = Codecs.forProvider(provider);
        byte[] whole = mangle(WHOLE_BODIES.get(format(provider)).getBytes(StandardCharsets.UTF_8), random);
        RecordingSink sink = new RecordingSink();
        assertTimeoutPreemptively(HANG, () -> codec.decodeResponse(whole, sink));
        assertThat(sink.terminals).isEqualTo(1);
        assertThat(sink.callAfterTerminal).isFalse();
        byte[] error = mangle(ERROR_BODY.getBytes(StandardCharsets.UTF_8), random);
        int status = List.of(400, 401, 404, 429, 500, 503, 529).get(random.nextInt(7));
        LlmException e = assertTimeoutPreemptively(HANG, () -> codec.decodeError(status, name -> random.nextBoolean() ? "1.5" : null, error));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(status);
    }

    private static final Map<Provider, String> WHOLE_BODIES = Map.of(
            Provider.OPENAI, "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-x\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"hi there\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":1}}}",
            Provider.ANTHROPIC, "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":"
                    + "[{\"type\":\"text\",\"text\":\"hi there\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}",
            Provider.GEMINI, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hi there\"}],\"role\":\"model\"},"
                    + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":2}}");
    private static final String ERROR_BODY = "{\"error\":{\"message\":\"Rate limit reached. Please try again in 1.5s.\","
            + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\",\"status\":\"RESOURCE_EXHAUSTED\","
            + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"2s\"}]}}";

    /** The wire format a provider's codec speaks. */
    private static Provider format(Provider p) {
        return p == Provider.ANTHROPIC || p == Provider.GEMINI ? p : Provider.OPENAI;
    }

    private static String body(Provider p, Script s) {
        return switch (format(p)) {
            case ANTHROPIC -> anthropic(s);
            case GEMINI -> gemini(s);
            default -> openAi(s);
        };
    }

    /** The provider's in-stream error event. */
    private static String errorEvent(Provider p) {
        return switch (format(p)) {
            case ANTHROPIC -> "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
            case GEMINI -> "data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}";
            default -> "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":null}}";
        };
    }

    private static void mutateEvents(List<String> events, Provider p, Script s, Random random) {
        if (events.isEmpty()) events.add("");
        int at = random.nextInt(events.size());
        switch (random.nextInt(10)) {
            case 0 -> events.remove(at);
            case 1 -> events.add(at, events.get(at));
            case 2 -> { if (at + 1 < events.size()) events.add(at, events.remove(at + 1)); }
            case 3 -> { // another provider's event
                Provider other = List.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.GEMINI).get(random.nextInt(3));
                String[] foreign = body(other, s).split("\n\n");
                events.add(at, foreign[random.nextInt(foreign.length)]);
            }
            case 4 -> events.add(at, errorEvent(p));
            case 5 -> events.set(at, events.get(at) // wrong JSON types where strings and numbers belong
                    .replaceFirst("\"(content|text|reasoning_content|thinking)\":\"", "\"$1\":" + List.of("123", "{}", "[", "null", "true").get(random.nextInt(5)) + ",\"x\":\"")
                    .replaceFirst("\"(prompt_tokens|output_tokens|candidatesTokenCount)\":\\d+", "\"$1\":\"many\""));
            case 6 -> events.add(at, "data: " + "[".repeat(2_000 + random.nextInt(3_000)) + "]".repeat(random.nextInt(2)));
            case 7 -> events.add(at, "data: {\"choices\":[{\"delta\":{\"content\":\"" + "z".repeat(20_000 + random.nextInt(20_000)) + "\"}}]}");
            case 8 -> events.add(at, "event: " + List.of("content_block_delta", "message_stop", "unknown_event", "").get(random.nextInt(4))
                    + "\ndata: {\"type\":\"" + List.of("message_stop", "content_block_delta", "x").get(random.nextInt(3)) + "\"}");
            default -> { // cut an event in the middle
                String ev = events.get(at);
                events.set(at, ev.substring(0, random.nextInt(ev.length() + 1)));
            }
        }
    }

    static void randomBytesCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        byte[] bytes = bytes(g);
        Random random = new Random(g.nextLong());
        for (Provider p : List.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.GEMINI)) {
            byte[] body = random.nextBoolean() ? bytes : ("data: " + new String(bytes, StandardCharsets.ISO_8859_1) + "\n\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            RecordingSink sink = RecordingSink.decode(Codecs.forProvider(p), body, splits(body.length, random));
            assertThat(sink.terminals).isEqualTo(1);
            assertThat(sink.callAfterTerminal).isFalse();
        }
    }

    /**
     * {@code tries} dynamic tests of one property, each with its own seed drawn from {@link #BASE_SEED} and the property
     * name; the seed is in the display name and in the failure message.
     */
    private static Stream<DynamicTest> cases(String property, String caseMethod, int tries, ThrowingConsumer<Long> check) {
        SplittableRandom seeds = new SplittableRandom(BASE_SEED ^ property.hashCode());
        List<DynamicTest> tests = new ArrayList<>(tries);
        for (int i = 0; i < tries; i++) {
            long seed = seeds.nextLong();
            String name = String.format("#%d seed=0x%016XL", i + 1, seed); // #n matches surefire's [n]
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    check.accept(seed);
                } catch (Throwable t) {
                    throw new AssertionError(property + " failed for " + name
                            + " (reproduce: DecoderProperties." + caseMethod + "(0x" + String.format("%016X", seed)
                            + "L)): " + t, t);
                }
            }));
        }
        return tests.stream();
    }

    private static void checkSplitInvariance(Provider provider, String lfBody, long seed) {
        Random random = new Random(seed);
        ProviderCodec codec = Codecs.forProvider(provider);
        RecordingSink reference = RecordingSink.decode(codec, lfBody);
        byte[] variant = withLineEndings(lfBody, random).getBytes(StandardCharsets.UTF_8);
        RecordingSink split = RecordingSink.decode(codec, variant, splits(variant.length, random));
        assertThat(split.calls).isEqualTo(reference.calls);
        assertThat(reference.terminals).isEqualTo(1);
        assertThat(reference.last()).isEqualTo("done"); // the scripts only make well-formed streams
    }

    // --- stream writers, straight from the documented formats --------------------------------------------------

    static String openAi(Script s) {
        StringBuilder b = new StringBuilder();
        b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-x\",\"choices\":[{\"index\":0,")
                .append("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n");
        for (Delta d : s.deltas()) {
            if (d.comment()) b.append(": sim-t-us=").append(d.text().length()).append('\n');
            b.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"").append(d.thought() ? "reasoning_content" : "content")
                    .append("\":").append(quote(d.text())).append("},\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        b.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        if (s.usage()) {
            b.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":").append(s.deltas().size())
                    .append(",\"prompt_tokens_details\":{\"cached_tokens\":3},\"completion_tokens_details\":{\"reasoning_tokens\":1}}}\n\n");
        }
        b.append("data: [DONE]\n\n");
        return b.toString();
    }

    static String anthropic(Script s) {
        StringBuilder b = new StringBuilder();
        b.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-x\",\"usage\":")
                .append("{\"input_tokens\":5,\"cache_read_input_tokens\":7,\"output_tokens\":1}}}\n\n");
        b.append("event: ping\ndata: {\"type\":\"ping\"}\n\n");
        for (Delta d : s.deltas()) {
            if (d.comment()) b.append(":c\n");
            String field = d.thought() ? "thinking" : "text";
            b.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"")
                    .append(field).append("_delta\",\"").append(field).append("\":").append(quote(d.text())).append("}}\n\n");
        }
        b.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}");
        if (s.usage()) b.append(",\"usage\":{\"output_tokens\":").append(s.deltas().size()).append('}');
        b.append("}\n\n");
        b.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return b.toString();
    }

    static String gemini(Script s) {
        StringBuilder b = new StringBuilder();
        for (Delta d : s.deltas()) {
            if (d.comment()) b.append(": t\n");
            b.append("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":").append(quote(d.text()))
                    .append(d.thought() ? ",\"thought\":true" : "").append("}],\"role\":\"model\"},\"index\":0}]");
            if (s.usage()) b.append(",\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}");
            b.append(",\"modelVersion\":\"gemini-x\"}\n\n");
        }
        b.append("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}]}\n\n");
        return b.toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- transformations ---------------------------------------------------------------------------------------

    /** Rewrites each LF with a random LF, CRLF or CR (never a CR right before an LF-ended blank line). */
    static String withLineEndings(String lfBody, Random random) {
        StringBuilder out = new StringBuilder(lfBody.length() + 64);
        String previous = "\n";
        int lineStart = 0;
        for (int i = 0; i < lfBody.length(); i++) {
            char c = lfBody.charAt(i);
            if (c != '\n') {
                out.append(c);
                continue;
            }
            String ending = switch (random.nextInt(3)) {
                case 0 -> "\n";
                case 1 -> "\r\n";
                default -> "\r";
            };
            if (i == lineStart && previous.equals("\r") && ending.equals("\n")) ending = "\r\n";
            out.append(ending);
            previous = ending;
            lineStart = i + 1;
        }
        return out.toString();
    }

    private static byte[] mangle(byte[] body, Random random) {
        byte[] b = body.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 1; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                case 2 -> b = java.util.Arrays.copyOf(b, at); // truncate
                default -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
            }
        }
        return b;
    }

    static int[] splits(int length, Random random) {
        if (length < 2) return new int[0];
        int mode = random.nextInt(4);
        if (mode == 0) return new int[0];
        if (mode == 1) {
            int[] all = new int[length - 1];
            for (int i = 0; i < all.length; i++) all[i] = i + 1;
            return all;
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        int n = 1 + random.nextInt(Math.min(length - 1, mode == 2 ? 3 : 60));
        for (int i = 0; i < n; i++) cuts.add(1 + random.nextInt(length - 1));
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    // --- generators: small seeded random builders of the inputs -------------------------------------------------

    /** Characters of delta texts; a lone high surrogate becomes a whole emoji below. */
    private static final char[] TEXT_CHARS = "ab \"\\/{}\t\n:\u00e9\u4e16\u0000\u2028\uD83D".toCharArray();
    private static final byte[] EDGE_BYTES = {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE};

    /** 1 to 8 characters of {@link #TEXT_CHARS}, each lone high surrogate turned into an emoji. */
    static String text(SplittableRandom g) {
        int length = 1 + g.nextInt(8);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(TEXT_CHARS[g.nextInt(TEXT_CHARS.length)]);
        return b.toString().replace("\uD83D", "\uD83D\uDE00");
    }

    /** A delta: random text, a thought one time in three, an SSE comment before it half the time. */
    static Delta delta(SplittableRandom g) {
        return new Delta(text(g), g.nextInt(3) == 2, g.nextBoolean());
    }

    /** 0 to 12 deltas, usage or not, always terminated. */
    static Script script(SplittableRandom g) {
        int size = g.nextInt(13);
        List<Delta> deltas = new ArrayList<>(size);
        for (int i = 0; i < size; i++) deltas.add(delta(g));
        return new Script(List.copyOf(deltas), g.nextBoolean(), true);
    }

    /** 0 to 255 bytes (short ones half the time), uniform with some edge values mixed in. */
    static byte[] bytes(SplittableRandom g) {
        int length = g.nextBoolean() ? g.nextInt(17) : g.nextInt(256);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = g.nextInt(10) == 0 ? EDGE_BYTES[g.nextInt(EDGE_BYTES.length)] : (byte) g.nextInt(256);
        }
        return b;
    }
}
