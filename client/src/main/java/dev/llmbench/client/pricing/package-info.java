/**
 * Costs from the repository's {@code prices.csv}: {@link dev.llmbench.client.pricing.Prices#load} then
 * {@link dev.llmbench.client.pricing.Prices#cost}; an unknown model yields a {@link dev.llmbench.client.pricing.Cost}
 * with {@code known=false} and NaN amounts, never zero.
 */
package dev.llmbench.client.pricing;
