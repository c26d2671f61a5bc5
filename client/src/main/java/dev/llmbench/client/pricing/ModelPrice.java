package dev.llmbench.client.pricing;

import dev.llmbench.client.Provider;

/**
 * List prices of one model, USD per 1M tokens.
 *
 * @param provider      the provider billing it
 * @param model         the model name as the provider spells it (no routing prefix, no date suffix needed)
 * @param input         uncached input tokens
 * @param cachedInput   input tokens served from the prefix cache (equals {@code input} where there is no discount)
 * @param cacheWrite    input tokens written to the cache (Anthropic's 5-minute write; equals {@code input} elsewhere)
 * @param output        output (answer) tokens
 * @param reasoning     reasoning/thinking tokens (equals {@code output} where billed as output)
 * @param batchDiscount fraction taken off every rate by the batch API, e.g. 0.5; 0 when there is none
 */
public record ModelPrice(Provider provider, String model, double input, double cachedInput, double cacheWrite,
                         double output, double reasoning, double batchDiscount) {}
