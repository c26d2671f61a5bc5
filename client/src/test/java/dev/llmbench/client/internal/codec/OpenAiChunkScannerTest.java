package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path must report exactly what the Jackson reader reports, or hand the chunk over untouched: checked on
 * hand-picked shapes (escapes, UTF-8, usage variants, nesting) and on seeded random mutations of a real chunk.
 */
class OpenAiChunkScannerTest {
    private static final String CHUNK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-x\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok\"},"
            + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
    private static final String USAGE = "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,"
            + "\"total_tokens\":46,\"prompt_tokens_details\":{\"cached_tokens\":5,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":7}}}";

    /** What the reader reports for {@code json}, or "malformed" when Jackson rejects it. */
    private static List<String> viaJackson(String json) {
        RecordingSink sink = new RecordingSink();
        try (JsonParser p = Json.FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) return List.of("malformed");
            ProviderError error = new OpenAiChunkReader(sink).read(p, 1);
            if (p.nextToken() != null) return List.of("malformed");
            if (error != null) return List.of("error");
        } catch (IOException e) {
            return List.of("malformed");
        }
        return sink.calls;
    }

    /** What the scanner reports, or null when it hands the chunk over. */
    private static List<String> viaScanner(String json) {
        RecordingSink sink = new RecordingSink();
        byte[] bytes = (" " + json + "\n").getBytes(StandardCharsets.UTF_8);
        return new OpenAiChunkScanner(sink).scan(bytes, 1, bytes.length - 2, true, 1) ? sink.calls : null;
    }

    private static void assertAgrees(String json) {
        List<String> fast = viaScanner(json);
        List<String> slow = viaJackson(json);
        if (fast != null) {
            assertThat(fast).as("scanner vs Jackson for %s", json).isEqualTo(slow);
        } else {
            assertThat(slow).as("handed over, so Jackson must not accept it silently... %s", json).isNotNull();
        }
    }

    @Test
    void commonShapesTakeTheFastPathWithTheReadersResults() {
        for (String json : List.of(CHUNK, USAGE,
                "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\"}}]}",
                "{\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"reasoning\":\"think\"}}]}",
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"x\":[1,-2.5e3,true,false,null,{\"y\":[]}]}",
                "{\"choices\":[{\"message\":{\"content\":\"whole\"}}],\"usage\":{\"prompt_tokens\":1,\"prompt_cache_hit_tokens\":9}}",
                " { \"model\" : \"m\" , \"choices\" : [ ] } ",
                "{}")) {
            assertThat(viaScanner(json)).as(json).isNotNull().isEqualTo(viaJackson(json));
        }
    }

    @Test
    void errorsAndOddValuesAreHandedToJackson() {
        for (String json : List.of(
                "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}",
                "{\"object\":\"error\",\"message\":\"bad\",\"code\":400}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1.5}}",
                "{\"choices\":[{\"delta\":{\"content\":\"unterminated}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"ctl\u0001\"}}]}",
                "{\"a\":01}", "{\"a\":1.}", "{\"a\":tru}", "{\"a\":1}x", "{\"a\":1,}", "[1]",
                "{\"\\u0063hoices\":[]}")) {
            assertThat(viaScanner(json)).as(json).isNull();
        }
    }

    @Test
    void invalidUtf8IsHandedOver() {
        byte[] bytes = "{\"choices\":[{\"delta\":{\"content\":\"xx\"}}]}".getBytes(StandardCharsets.US_ASCII);
        int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("xx");
        bytes[at] = (byte) 0xC3; // a lead byte followed by ASCII
        assertThat(new OpenAiChunkScanner(new RecordingSink()).scan(bytes, 0, bytes.length, true, 1)).isFalse();
        bytes[at] = (byte) 0xC0; // overlong
        bytes[at + 1] = (byte) 0x80;
        assertThat(new OpenAiChunkScanner(new RecordingSink()).scan(bytes, 0, bytes.length, true, 1)).isFalse();
    }

    /** What a scanner that has already seen {@link #CHUNK} (and so holds it as its template) reports for {@code json}. */
    private static List<String> afterTemplate(OpenAiChunkScanner scanner, RecordingSink sink, String json) {
        sink.calls.clear();
        byte[] bytes = (" " + json + "\n").getBytes(StandardCharsets.UTF_8);
        return scanner.scan(bytes, 1, bytes.length - 2, false, 1) ? new ArrayList<>(sink.calls) : null;
    }

    private static List<String> withoutModel(List<String> calls) {
        return calls.stream().filter(c -> !c.startsWith("model:")).toList();
    }

    @Test
    void chunksLikeTheLastContentChunkAreScannedFromTheirContent() {
        RecordingSink sink = new RecordingSink();
        OpenAiChunkScanner scanner = new OpenAiChunkScanner(sink);
        assertThat(afterTemplate(scanner, sink, CHUNK)).containsExactly("text: tok");
        String prefix = CHUNK.substring(0, CHUNK.indexOf(" tok") - 1);
        for (String json : List.of(
                prefix + "\"next\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}", // same suffix
                prefix + "\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}", // empty content
                prefix + "\"a\\\"b \u00e9\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}", // escapes, UTF-8
                prefix + "\"end\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}", // a finish after it
                prefix + "\"x\"},\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Qx3\"}", // padding field
                prefix + "\"x\",\"reasoning\":\"hm\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}",
                prefix + "\"x\"}},{\"delta\":{\"content\":\"second\"}}]}")) { // another choice
            int before = scanner.templateScans;
            assertThat(afterTemplate(scanner, sink, json)).as(json).isEqualTo(withoutModel(viaJackson(json)));
            assertThat(scanner.templateScans).as("took the template path: %s", json).isEqualTo(before + 1);
        }
        for (String json : List.of(
                prefix + "\"unterminated}],\"usage\":null}",
                prefix + "\"x\"},\"finish_reason\":null}],\"usage\":null}x",
                prefix + "\"x\"},\"finish_reason\":null}],\"usage\":null,}",
                prefix + "\"x\"}}],\"error\":{\"message\":\"boom\"}}")) {
            assertThat(afterTemplate(scanner, sink, json)).as("handed over: %s", json).isNull();
        }
    }

    @Test
    void seededMutationsAfterATemplateNeverDisagreeWithJackson() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "{}[]\":,\\ 0123456789.-eEtrufalsn\u00e9";
        RecordingSink sink = new RecordingSink();
        OpenAiChunkScanner scanner = new OpenAiChunkScanner(sink);
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            assertThat(afterTemplate(scanner, sink, CHUNK)).containsExactly("text: tok"); // (re)sets the template
            StringBuilder s = new StringBuilder(CHUNK);
            int at = CHUNK.indexOf(" tok") - 1 + random.nextInt(CHUNK.length() - CHUNK.indexOf(" tok") + 1);
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String json = s.toString();
            int before = scanner.templateScans;
            List<String> scanned = afterTemplate(scanner, sink, json);
            if (scanned == null) continue;
            if (scanner.templateScans > before) fast++;
            assertThat(scanned).as("scanner accepted %s", json).isEqualTo(withoutModel(viaJackson(json)));
        }
        assertThat(fast).as("mutations behind the content's opening quote take the template path").isGreaterThan(300);
    }

    @Test
    void seededMutationsNeverDisagreeWithJackson() {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "{}[]\":,\\ 0123456789.-eEtrufalsn\u00e9";
        List<String> inputs = new ArrayList<>();
        for (String base : List.of(CHUNK, USAGE)) {
            for (int i = 0; i < 1500; i++) {
                StringBuilder s = new StringBuilder(base);
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                inputs.add(s.toString());
            }
        }
        int fast = 0;
        for (String json : inputs) {
            List<String> scanned = viaScanner(json);
            if (scanned == null) continue;
            fast++;
            assertThat(scanned).as("scanner accepted %s", json).isEqualTo(viaJackson(json));
        }
        assertThat(fast).as("some mutations stay valid and take the fast path").isGreaterThan(100);
    }
}
