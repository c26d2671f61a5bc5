package dev.llmbench.simulator.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one profile's parameters with range checks; every failure is a one-line message naming the key and range. */
final class ParamReader {
    private final String profile;
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    ParamReader(String profile, Map<String, String> values) {
        this.profile = profile;
        this.values = values;
    }

    private String raw(String param) {
        used.add(param);
        String v = values.get(param);
        if (v == null) throw new IllegalArgumentException(key(param) + " is missing");
        return v.trim();
    }

    private String key(String param) { return profile + "." + param; }

    double decimal(String param, double min, double max) {
        String v = raw(param);
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key(param) + "=" + v + ": expected a number in [" + fmt(min) + ", " + fmt(max) + "]");
    }

    long integer(String param, long min, long max) {
        String v = raw(param);
        try {
            long l = Long.parseLong(v);
            if (l >= min && l <= max) return l;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key(param) + "=" + v + ": expected an integer in [" + min + ", " + max + "]");
    }

    int integer32(String param, int min, int max) { return (int) integer(param, min, max); }

    boolean bool(String param) {
        String v = raw(param).toLowerCase(Locale.ROOT);
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw new IllegalArgumentException(key(param) + "=" + v + ": expected true or false");
    }

    <E extends Enum<E>> E choice(String param, Class<E> type) {
        String v = raw(param);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
        throw new IllegalArgumentException(key(param) + "=" + v + ": expected one of " + String.join(", ", names));
    }

    String word(String param) {
        String v = raw(param);
        if (v.isEmpty() || !v.matches("[A-Za-z0-9_.:/-]+")) {
            throw new IllegalArgumentException(key(param) + "=" + v + ": expected a non-empty word of [A-Za-z0-9_.:-]");
        }
        return v;
    }

    List<String> words(String param) {
        String v = raw(param);
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim();
            if (!t.matches("[A-Za-z0-9_.:/-]+")) {
                throw new IllegalArgumentException(key(param) + "=" + v + ": expected a comma-separated list of model names ([A-Za-z0-9_.:/-])");
            }
            out.add(t);
        }
        return out;
    }

    /** Present parameters not read by the caller are typos: reject them with the list of known ones. */
    void rejectUnknown(Set<String> ignorable) {
        for (String k : values.keySet()) {
            if (!used.contains(k) && !ignorable.contains(k)) {
                throw new IllegalArgumentException("unknown parameter " + key(k) + " (known: " + String.join(", ", new java.util.TreeSet<>(used)) + ")");
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
