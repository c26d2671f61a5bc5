package dev.llmbench.bench.cli;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution of lengths in tokens, the value of {@code -DinputTokens} and {@code -DoutputTokens} (as
 * {@link TargetSpec} is the value of {@code -Dtarget}): {@code fixed:N}, {@code uniform:A-B} or
 * {@code normal:MEAN,SD}. Every draw is an integer from 1 to {@link #MAX}; who draws supplies the random stream, so a
 * seeded stream gives the same lengths every run.
 */
public sealed interface LengthDistribution {
    /** The largest length accepted or drawn: a prompt of this many tokens is already about 4 MB of text. */
    int MAX = 1_000_000;

    /** The forms {@link #parse} accepts, as the help and the bad-input message say them. */
    String FORMS = "fixed:N, uniform:A-B (A <= B) or normal:MEAN,SD (tokens; N, A, B, MEAN from 1 to " + MAX
            + ", SD from 0 to " + MAX + ")";

    /** One length drawn from {@code random}; always within 1..{@link #MAX}. */
    int sample(RandomGenerator random);

    /** The canonical text of this distribution, which {@link #parse} reads back. */
    String text();

    /** Always {@code n}. */
    record Fixed(int n) implements LengthDistribution {
        public Fixed {
            check(n >= 1 && n <= MAX, "fixed:" + n);
        }

        @Override
        public int sample(RandomGenerator random) { return n; }

        @Override
        public String text() { return "fixed:" + n; }
    }

    /** Every integer from {@code min} to {@code max}, both included, equally likely. */
    record Uniform(int min, int max) implements LengthDistribution {
        public Uniform {
            check(min >= 1 && max <= MAX && min <= max, "uniform:" + min + "-" + max);
        }

        @Override
        public int sample(RandomGenerator random) { return random.nextInt(min, max + 1); }

        @Override
        public String text() { return "uniform:" + min + "-" + max; }
    }

    /** A normal draw rounded to the nearest integer and clamped to 1..{@link #MAX} (so a wide one is not symmetric). */
    record Normal(double mean, double sd) implements LengthDistribution {
        public Normal {
            check(mean >= 1 && mean <= MAX && sd >= 0 && sd <= MAX, "normal:" + mean + "," + sd);
        }

        @Override
        public int sample(RandomGenerator random) {
            double v = Math.rint(mean + sd * random.nextGaussian());
            return (int) Math.max(1, Math.min(MAX, v));
        }

        @Override
        public String text() { return "normal:" + number(mean) + "," + number(sd); }

        private static String number(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /**
     * The distribution {@code text} names (case and spaces around the numbers ignored).
     *
     * @throws IllegalArgumentException naming {@link #FORMS} when it names none or a number is out of range
     */
    static LengthDistribution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Matcher m = Pattern.compile("fixed:\\s*(\\d+)").matcher(t);
            if (m.matches()) return new Fixed(Integer.parseInt(m.group(1)));
            m = Pattern.compile("uniform:\\s*(\\d+)\\s*-\\s*(\\d+)").matcher(t);
            if (m.matches()) return new Uniform(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            m = Pattern.compile("normal:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*,\\s*([0-9]+(?:\\.[0-9]+)?)").matcher(t);
            if (m.matches()) return new Normal(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        } catch (IllegalArgumentException e) { // out of range, or more digits than an int holds
            throw new IllegalArgumentException(text + ": expected " + FORMS);
        }
        throw new IllegalArgumentException(text + ": expected " + FORMS);
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(what + ": expected " + FORMS);
    }
}
