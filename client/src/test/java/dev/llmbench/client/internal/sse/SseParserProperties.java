package dev.llmbench.client.internal.sse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random event streams, written with random line endings and fed in randomly cut pieces (down to single bytes, which
 * cut UTF-8 characters and CRLF pairs), must parse to exactly the events that were written.
 */
class SseParserProperties {

    record Event(List<String> comments, String name, List<String> dataLines, boolean withId) {}

    @Property(tries = 300)
    void parsesWhatWasWrittenHoweverSplitAndTerminated(@ForAll("streams") List<Event> events, @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        List<String> expected = new ArrayList<>();
        String[] previousEnding = {"\n"};
        for (Event e : events) {
            for (String c : e.comments()) {
                line(out, ":" + (c.startsWith(" ") || random.nextBoolean() ? " " : "") + c, random, previousEnding);
                expected.add(":" + c);
            }
            if (e.withId()) line(out, "id: 42", random, previousEnding);
            if (e.name() != null) line(out, "event: " + e.name(), random, previousEnding);
            for (String d : e.dataLines()) {
                line(out, "data:" + (d.startsWith(" ") || random.nextBoolean() ? " " : "") + d, random, previousEnding);
            }
            line(out, "", random, previousEnding);
            if (!e.dataLines().isEmpty()) {
                String type = e.name() == null || e.name().isEmpty() ? "message" : e.name();
                expected.add(type + "|" + String.join("\n", e.dataLines()));
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(RecordingHandler.parse(bytes, splits(bytes.length, random)))
                .isEqualTo(expected);
    }

    /** Appends a line with a random ending; a CR is never followed by an empty line ending in LF (that is CRLF). */
    private static void line(StringBuilder out, String line, Random random, String[] previousEnding) {
        String ending = switch (random.nextInt(3)) {
            case 0 -> "\n";
            case 1 -> "\r\n";
            default -> "\r";
        };
        if (line.isEmpty() && previousEnding[0].equals("\r") && ending.equals("\n")) ending = "\r\n";
        out.append(line).append(ending);
        previousEnding[0] = ending;
    }

    /** Random cut points: none, a few, or every byte. */
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
        int n = 1 + random.nextInt(Math.min(length - 1, mode == 2 ? 3 : 40));
        for (int i = 0; i < n; i++) cuts.add(1 + random.nextInt(length - 1));
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("ab {}\":,\\")
                .withChars('\u00e9', '\u4e16', '\uFEFF', ':', ' ')
                .withCharRange('\uD83D', '\uD83D') // paired below
                .ofMaxLength(12)
                .map(SseParserProperties::fixSurrogates);
        Arbitrary<String> name = Arbitraries.of("message_start", "content_block_delta", "ping", "error", "e\u00e9", "");
        Arbitrary<Event> event = Combinators.combine(
                text.list().ofMaxSize(2),
                name.injectNull(0.5),
                text.list().ofMaxSize(3),
                Arbitraries.of(true, false)).as(Event::new);
        return event.list().ofMaxSize(8);
    }

    /** Turns each lone high surrogate into a whole emoji, so the text is valid UTF-16. */
    private static String fixSurrogates(String s) {
        return s.replace("\uD83D", "\uD83D\uDE00");
    }
}
