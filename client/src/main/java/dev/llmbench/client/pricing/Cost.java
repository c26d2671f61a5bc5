package dev.llmbench.client.pricing;

import dev.llmbench.client.Provider;

/**
 * The cost of one response (or a sum of them), USD. An unknown model gives {@code known=false} and NaN amounts —
 * never a zero that would make a configuration look free; sums including an unknown cost stay unknown.
 *
 * @param known          false when no price was found for some response
 * @param approximate    true when some token counts were not reported by the provider (see {@code Usage.reported})
 * @param provider       provider of the priced response(s)
 * @param model          the model name as given; null for a sum over several models
 * @param pricedAs       the price-list entry used (e.g. {@code gpt-4.1-nano} for {@code gpt-4.1-nano-2025-04-14}), or null
 */
public record Cost(boolean known, boolean approximate, Provider provider, String model, String pricedAs,
                   double inputUsd, double cachedInputUsd, double cacheWriteUsd, double outputUsd, double reasoningUsd) {

    /** No price for {@code model}: every amount is NaN. */
    public static Cost unknown(Provider provider, String model) {
        return new Cost(false, false, provider, model, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The sum of all parts; NaN when unknown. */
    public double totalUsd() {
        return known ? inputUsd + cachedInputUsd + cacheWriteUsd + outputUsd + reasoningUsd : Double.NaN;
    }

    /** This plus {@code other}: unknown if either is, approximate if either is. */
    public Cost plus(Cost other) {
        boolean k = known && other.known;
        Provider p = provider == other.provider ? provider : null;
        String m = model != null && model.equals(other.model) ? model : null;
        String as = pricedAs != null && pricedAs.equals(other.pricedAs) ? pricedAs : null;
        if (!k) return new Cost(false, approximate || other.approximate, p, m, as,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Cost(true, approximate || other.approximate, p, m, as,
                inputUsd + other.inputUsd, cachedInputUsd + other.cachedInputUsd, cacheWriteUsd + other.cacheWriteUsd,
                outputUsd + other.outputUsd, reasoningUsd + other.reasoningUsd);
    }
}
