package dev.llmbench.client.internal.sse;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Random event streams, written with random line endings and fed in randomly cut pieces (down to single bytes, which
 * cut UTF-8 characters and CRLF pairs), must parse to exactly the events that were written.
 */
class SseParserProperties {

    record Event(List<String> comments, String name, List<String> dataLines, boolean withId) {}

    /** Fixed base seed: every run generates the same cases. Each case's own seed is in its name and failure message. */
    private static final long BASE_SEED = 0x5353_4550_4152_5345L;
    private static final int TRIES = 300;

    @TestFactory
    Stream<DynamicTest> parsesWhatWasWrittenHoweverSplitAndTerminated() {
        SplittableRandom seeds = new SplittableRandom(BASE_SEED);
        List<DynamicTest> tests = new ArrayList<>(TRIES);
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            String name = String.format("#%d seed=0x%016XL", i + 1, seed); // #n matches surefire's [n]
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    parsesWhatWasWrittenCase(seed);
                } catch (Throwable t) {
                    throw new AssertionError("parsesWhatWasWrittenHoweverSplitAndTerminated failed for " + name
                            + " (reproduce: SseParserProperties.parsesWhatWasWrittenCase(0x"
                            + String.format("%016X", seed) + "L)): " + t, t);
                }
            }));
        }
        return tests.stream();
    }

    /** One case, a function of its case seed alone (call it directly to reproduce a failure). */
    static void parsesWhatWasWrittenCase(long caseSeed) {
        SplittableRandom g = new SplittableRandom(caseSeed);
        List<Event> events = stream(g);
        Random random = new Random(g.nextLong());
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

    // --- generators: small seeded random builders of the inputs -------------------------------------------------

    /** Characters of comment and data texts; a lone high surrogate becomes a whole emoji (see fixSurrogates). */
    private static final char[] TEXT_CHARS = "ab {}\":,\\\u00e9\u4e16\uFEFF\uD83D".toCharArray();
    private static final String[] NAMES = {"message_start", "content_block_delta", "ping", "error", "e\u00e9", ""};

    /** 0 to 12 characters of {@link #TEXT_CHARS}, surrogates paired. */
    static String text(SplittableRandom g) {
        int length = g.nextInt(13);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(TEXT_CHARS[g.nextInt(TEXT_CHARS.length)]);
        return fixSurrogates(b.toString());
    }

    static List<String> texts(SplittableRandom g, int maxSize) {
        int size = g.nextInt(maxSize + 1);
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(text(g));
        return List.copyOf(out);
    }

    /** 0-2 comments, a name (null half the time, else one of {@link #NAMES}), 0-3 data lines, an id or not. */
    static Event event(SplittableRandom g) {
        List<String> comments = texts(g, 2);
        String name = g.nextBoolean() ? null : NAMES[g.nextInt(NAMES.length)];
        List<String> dataLines = texts(g, 3);
        return new Event(comments, name, dataLines, g.nextBoolean());
    }

    /** 0 to 8 events. */
    static List<Event> stream(SplittableRandom g) {
        int size = g.nextInt(9);
        List<Event> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(event(g));
        return List.copyOf(out);
    }

    /** Turns each lone high surrogate into a whole emoji, so the text is valid UTF-16. */
    private static String fixSurrogates(String s) {
        return s.replace("\uD83D", "\uD83D\uDE00");
    }
}
