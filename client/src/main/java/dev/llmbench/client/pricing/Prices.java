package dev.llmbench.client.pricing;

import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The price list ({@code prices.csv}) and the cost of a response, replacing litellm's {@code completion_cost()} as the
 * lessons did.
 *
 * <p>Format: UTF-8, {@code #} comment lines and blank lines ignored, then the header
 * {@code provider,model,input,cached_input,cache_write,output,reasoning,batch_discount} and one row per model; rates are
 * USD per 1M tokens, an empty {@code cached_input}/{@code cache_write} means the input rate, an empty {@code reasoning}
 * the output rate, an empty {@code batch_discount} none. Providers are {@link Provider} names in any case. No quoting.
 *
 * <p>Model names match case-insensitively after routing-prefix removal ({@code gemini/}, {@code together_ai/}...),
 * with {@code 4.5} and {@code 4-5} equivalent, and with a dated suffix tolerated ({@code -2025-04-14},
 * {@code -20251001}, {@code @20251001}, {@code -001}, {@code -latest}).
 */
public final class Prices {
    static final List<String> HEADER =
            List.of("provider", "model", "input", "cached_input", "cache_write", "output", "reasoning", "batch_discount");
    private static final Pattern DOT_BETWEEN_DIGITS = Pattern.compile("(?<=\\d)\\.(?=\\d)");
    private static final Pattern DATED_SUFFIX =
            Pattern.compile("(?:[-@](?:\\d{4}-\\d{2}-\\d{2}|\\d{8})|-\\d{3}|-latest)$");

    private final Map<String, ModelPrice> byKey;
    private final String source;

    private Prices(Map<String, ModelPrice> byKey, String source) {
        this.byKey = Map.copyOf(byKey);
        this.source = source;
    }

    /** Reads a price file; a malformed or truncated file fails with a {@link PricesFormatException} naming file:line. */
    public static Prices load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds the price list: {@code $LLMBENCH_PRICES} if set, else {@code prices.csv} in the working directory or its
     * parent (the repository root when running from a module). Empty when none exists.
     */
    public static Optional<Path> locate(Map<String, String> env) {
        String configured = env.get("LLMBENCH_PRICES");
        if (configured != null && !configured.isBlank()) return Optional.of(Path.of(configured));
        for (Path p : List.of(Path.of("prices.csv"), Path.of("..", "prices.csv"))) {
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Parses price-file text; {@code sourceName} is used in error messages. */
    public static Prices parse(String text, String sourceName) {
        try {
            return parse(new StringReader(text), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Prices parse(Reader reader, String src) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<String, ModelPrice> byKey = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            if (trimmed.indexOf('"') >= 0) throw new PricesFormatException(src, lineNo, "quoted fields are not supported");
            List<String> cells = split(trimmed);
            if (!headerSeen) {
                List<String> names = new ArrayList<>();
                for (String c : cells) names.add(c.toLowerCase(Locale.ROOT));
                if (!names.equals(HEADER)) {
                    throw new PricesFormatException(src, lineNo, "expected the header '" + String.join(",", HEADER)
                            + "', found '" + trimmed + "'");
                }
                headerSeen = true;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                throw new PricesFormatException(src, lineNo, "expected " + HEADER.size() + " columns, found " + cells.size()
                        + (cells.size() < HEADER.size() ? " (truncated line?)" : ""));
            }
            ModelPrice p = row(cells, src, lineNo);
            String key = key(p.provider(), normalize(p.model()));
            Integer dup = firstLine.putIfAbsent(key, lineNo);
            if (dup != null) {
                throw new PricesFormatException(src, lineNo, "duplicate entry for " + p.provider().name().toLowerCase(Locale.ROOT)
                        + " " + p.model() + " (first on line " + dup + ")");
            }
            byKey.put(key, p);
        }
        if (!headerSeen) throw new PricesFormatException(src, Math.max(lineNo, 1), "no header line (empty or truncated file?)");
        if (byKey.isEmpty()) throw new PricesFormatException(src, lineNo, "no price rows after the header");
        return new Prices(byKey, src);
    }

    private static ModelPrice row(List<String> c, String src, int lineNo) {
        Provider provider;
        try {
            provider = Provider.valueOf(c.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PricesFormatException(src, lineNo, "column 'provider': unknown provider '" + c.get(0) + "'");
        }
        String model = c.get(1);
        if (model.isEmpty()) throw new PricesFormatException(src, lineNo, "column 'model' is empty");
        double input = rate(c, 2, null, src, lineNo);
        double output = rate(c, 5, null, src, lineNo);
        double cachedInput = rate(c, 3, input, src, lineNo);
        double cacheWrite = rate(c, 4, input, src, lineNo);
        double reasoning = rate(c, 6, output, src, lineNo);
        double batch = rate(c, 7, 0.0, src, lineNo);
        if (batch >= 1) throw new PricesFormatException(src, lineNo, "column 'batch_discount': " + c.get(7) + " is not a fraction below 1");
        return new ModelPrice(provider, model, input, cachedInput, cacheWrite, output, reasoning, batch);
    }

    private static double rate(List<String> c, int col, Double fallback, String src, int lineNo) {
        String s = c.get(col);
        String name = HEADER.get(col);
        if (s.isEmpty()) {
            if (fallback == null) throw new PricesFormatException(src, lineNo, "column '" + name + "' is required");
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new PricesFormatException(src, lineNo, "column '" + name + "': '" + s + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0) throw new PricesFormatException(src, lineNo, "column '" + name + "': " + s + " is not a price >= 0");
        return v;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>(HEADER.size());
        int from = 0;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', from)) {
            out.add(line.substring(from, i).strip());
            from = i + 1;
        }
        out.add(line.substring(from).strip());
        return out;
    }

    /** Where the prices were read from. */
    public String source() { return source; }

    public Collection<ModelPrice> all() { return byKey.values(); }

    /** The price entry for {@code model} as the user writes it (routing prefix and dated suffix tolerated). */
    public Optional<ModelPrice> find(Provider provider, String model) {
        String m = normalize(ModelRouter.providerModel(model));
        if (m.startsWith("models/")) m = m.substring("models/".length()); // Gemini's resource-style names
        ModelPrice p = byKey.get(key(provider, m));
        if (p == null) {
            String undated = DATED_SUFFIX.matcher(m).replaceFirst("");
            if (!undated.equals(m)) p = byKey.get(key(provider, undated));
        }
        return Optional.ofNullable(p);
    }

    /** {@link #find} with the provider the model routes to. */
    public Optional<ModelPrice> find(String model) { return find(ModelRouter.route(model), model); }

    /** The cost of one response at standard (non-batch) rates, without cache writes. */
    public Cost cost(Provider provider, String model, Usage usage) { return cost(provider, model, usage, 0, false); }

    /**
     * The cost of one response.
     *
     * @param usage            token counts; {@code inputTokens} includes cached and cache-written tokens, {@code outputTokens}
     *                         includes reasoning tokens (as {@link Usage} documents)
     * @param cacheWriteTokens input tokens written to the provider's cache (Anthropic {@code cache_creation_input_tokens}),
     *                         a part of {@code inputTokens}
     * @param batch            true to apply the model's batch discount
     */
    public Cost cost(Provider provider, String model, Usage usage, long cacheWriteTokens, boolean batch) {
        Optional<ModelPrice> found = find(provider, model);
        if (found.isEmpty()) return Cost.unknown(provider, model);
        ModelPrice p = found.get();
        long cached = Math.max(0, usage.cachedInputTokens());
        long written = Math.max(0, cacheWriteTokens);
        long uncached = Math.max(0, usage.inputTokens() - cached - written);
        long reasoning = Math.max(0, usage.reasoningTokens());
        long answer = Math.max(0, usage.outputTokens() - reasoning);
        double f = (batch ? 1 - p.batchDiscount() : 1) / 1_000_000.0;
        return new Cost(true, !usage.reported(), provider, model, p.model(),
                uncached * p.input() * f, cached * p.cachedInput() * f, written * p.cacheWrite() * f,
                answer * p.output() * f, reasoning * p.reasoning() * f);
    }

    private static String key(Provider provider, String normalizedModel) { return provider.name() + '\u0000' + normalizedModel; }

    static String normalize(String model) {
        return DOT_BETWEEN_DIGITS.matcher(model.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    @Override public String toString() { return "Prices[" + byKey.size() + " models from " + source + "]"; }
}
