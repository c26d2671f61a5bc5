package dev.llmbench.simulator.profile;

import dev.llmbench.simulator.SimulatorSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the profiles: built-in defaults ({@code profiles.properties} next to this class), then the profile file,
 * then the individual overrides; later sources win. A key names {@code <profile>.<parameter>}; a new profile needs
 * {@code <profile>.base=<existing profile>} and inherits everything else from it.
 */
public final class Profiles {
    public static final String DEFAULTS_RESOURCE = "/dev/llmbench/simulator/profiles.properties";
    private static final String BASE = "base";

    private Profiles() {}

    /** All profiles by name; throws IllegalArgumentException with a one-line message on any bad key or value. */
    public static Map<String, Profile> load(SimulatorSettings settings) {
        Map<String, Map<String, String>> builtIn = group(readDefaults());
        Map<String, String> user = new LinkedHashMap<>();
        if (settings.profileFile() != null) user.putAll(readFile(settings));
        user.putAll(settings.overrides());

        Map<String, Map<String, String>> merged = new TreeMap<>();
        builtIn.forEach((name, params) -> merged.put(name, new LinkedHashMap<>(params)));
        Map<String, Map<String, String>> userGrouped = group(user);
        // New profiles first take their base's values, then their own.
        userGrouped.forEach((name, params) -> {
            if (merged.containsKey(name)) return;
            String base = params.get(BASE);
            if (base == null) {
                throw new IllegalArgumentException("unknown profile '" + name + "' (known: " + String.join(", ", merged.keySet())
                        + "; define a new one with " + name + ".base=<profile>)");
            }
            Map<String, String> from = builtIn.get(base.trim());
            if (from == null) {
                throw new IllegalArgumentException(name + ".base=" + base + ": expected one of " + String.join(", ", builtIn.keySet()));
            }
            merged.put(name, new LinkedHashMap<>(from));
        });
        userGrouped.forEach((name, params) -> merged.get(name).putAll(params));

        Map<String, Profile> profiles = new LinkedHashMap<>();
        merged.forEach((name, params) -> profiles.put(name, build(name, params)));
        if (!profiles.containsKey(settings.defaultProfile())) {
            throw new IllegalArgumentException("default profile '" + settings.defaultProfile() + "' is not defined (known: "
                    + String.join(", ", profiles.keySet()) + ")");
        }
        return profiles;
    }

    private static Profile build(String name, Map<String, String> params) {
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("profile name '" + name + "': expected lower-case letters, digits, '-' or '_'");
        }
        ParamReader r = new ParamReader(name, params);
        Map<FaultKind, Double> faults = new EnumMap<>(FaultKind.class);
        for (FaultKind f : FaultKind.values()) {
            String key = "fault." + f.wireName();
            if (params.containsKey(key)) faults.put(f, r.decimal(key, 0, 1));
        }
        Profile p = new Profile(
                name,
                r.choice("format", ApiFormat.class),
                r.words("models"),
                r.decimal("latency.medianMs", 0, 600_000),
                r.decimal("latency.sigma", 0, 3),
                r.decimal("prefill.usPerToken", 0, 100_000),
                r.decimal("network.rttMs", 0, 60_000),
                r.decimal("network.connectMs", 0, 60_000),
                r.decimal("network.tlsMs", 0, 60_000),
                r.decimal("decode.tokensPerSecond", 0, 10_000_000),
                r.decimal("decode.sigma", 0, 3),
                r.integer32("decode.tokensPerEvent", 1, 4096),
                r.integer32("output.mean", 1, 1_000_000),
                r.decimal("output.sigma", 0, 3),
                r.integer32("capacity.generations", 0, 1_000_000),
                r.choice("capacity.policy", CapacityPolicy.class),
                r.integer32("connection.maxGenerations", 0, 1_000_000),
                r.decimal("h2.connectionTokensPerSecond", 0, 10_000_000),
                r.integer("limit.rpm", 0, 1_000_000_000),
                r.integer("limit.tpm", 0, 100_000_000_000L),
                r.integer32("limit.concurrency", 0, 1_000_000),
                r.choice("cache.mode", CacheMode.class),
                r.integer32("cache.minTokens", 1, 10_000_000),
                r.integer32("cache.blockTokens", 1, 1_000_000),
                r.integer32("cache.entries", 1, 10_000_000),
                r.integer32("thinking.tokens", 0, 1_000_000),
                r.bool("thinking.default"),
                r.word("quirk.finishReason"),
                faults,
                r.integer("fault.stallMs", 0, 3_600_000),
                r.integer("fault.trickleMs", 0, 600_000),
                r.integer("fault.retryAfterMs", 0, 3_600_000),
                r.integer32("io.maxBatchBytes", 256, 16 * 1024 * 1024),
                r.bool("io.replay"));
        double total = faults.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1.0) {
            throw new IllegalArgumentException(name + ".fault.*: rates add up to " + total + ", expected at most 1");
        }
        if (p.replay()) {
            String modelled = modelledBehaviour(p, total);
            if (modelled != null) {
                throw new IllegalArgumentException(name + ".io.replay=true: a replayed answer skips the timing, limit and "
                        + "fault model, but " + modelled + " (set it to 0 or io.replay=false)");
            }
        }
        r.rejectUnknown(Set.of(BASE));
        return p;
    }

    /** The first parameter a replayed answer would silently ignore, as {@code name=value}, or null. */
    private static String modelledBehaviour(Profile p, double faultTotal) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("latency.medianMs", p.latencyMedianMs());
        params.put("prefill.usPerToken", p.prefillMicrosPerToken());
        params.put("network.rttMs", p.rttMs());
        params.put("network.connectMs", p.connectMs());
        params.put("network.tlsMs", p.tlsMs());
        params.put("decode.tokensPerSecond", p.decodeTokensPerSecond());
        params.put("capacity.generations", (double) p.capacity());
        params.put("connection.maxGenerations", (double) p.connectionMaxStreams());
        params.put("h2.connectionTokensPerSecond", p.h2ConnectionTokensPerSecond());
        params.put("limit.rpm", (double) p.requestsPerMinute());
        params.put("limit.tpm", (double) p.tokensPerMinute());
        params.put("limit.concurrency", (double) p.keyConcurrency());
        params.put("fault.*", faultTotal);
        for (Map.Entry<String, Double> e : params.entrySet()) {
            if (e.getValue() > 0) return e.getKey() + "=" + e.getValue();
        }
        return p.cacheMode() != CacheMode.OFF ? "cache.mode=" + p.cacheMode().name().toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** {@code a.b.c=v} → {@code a → {b.c=v}}. */
    private static Map<String, Map<String, String>> group(Map<String, String> flat) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        flat.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                throw new IllegalArgumentException("bad key '" + k + "': expected <profile>.<parameter>");
            }
            out.computeIfAbsent(k.substring(0, dot).trim(), x -> new LinkedHashMap<>()).put(k.substring(dot + 1).trim(), v);
        });
        return out;
    }

    private static Map<String, String> readDefaults() {
        try (InputStream in = Profiles.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return toMap(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readFile(SimulatorSettings settings) {
        try (Reader in = Files.newBufferedReader(settings.profileFile(), StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return toMap(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read profile file " + settings.profileFile() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        return m;
    }
}
