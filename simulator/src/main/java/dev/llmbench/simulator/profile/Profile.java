package dev.llmbench.simulator.profile;

import java.util.List;
import java.util.Map;

/**
 * One simulated provider's behaviour: timing, limits, caching and quirks. Every field is a profile parameter
 * ({@code <profile>.<parameter>} in a profile file); the README lists them with their defaults and sources.
 *
 * @param name                      profile name, the first path segment
 * @param format                    native wire format, used for routes that name no format (404s)
 * @param models                    models listed by the models endpoints
 * @param latencyMedianMs           base time to first token, median of a lognormal ({@code latency.medianMs})
 * @param latencySigma              sigma of that lognormal ({@code latency.sigma})
 * @param prefillMicrosPerToken     extra TTFT per prompt token not served from cache ({@code prefill.usPerToken})
 * @param rttMs                     network round trip charged once per request ({@code network.rttMs})
 * @param connectMs                 TCP set-up charged on the first request of a connection ({@code network.connectMs})
 * @param tlsMs                     extra TLS set-up charged on the first request of a secure connection ({@code network.tlsMs})
 * @param decodeTokensPerSecond     per-stream decode rate, 0 = instant ({@code decode.tokensPerSecond})
 * @param decodeSigma               lognormal spread of the per-stream decode rate ({@code decode.sigma})
 * @param tokensPerEvent            output tokens per SSE event ({@code decode.tokensPerEvent})
 * @param outputMean                median output length in tokens before max_tokens ({@code output.mean})
 * @param outputSigma               lognormal spread of the output length, 0 = always the mean ({@code output.sigma})
 * @param capacity                  concurrent generations the profile serves, 0 = unlimited ({@code capacity.generations})
 * @param capacityPolicy            queue or reject when full ({@code capacity.policy})
 * @param connectionMaxStreams      generations one connection may run at once, 0 = unlimited; extra streams queue
 *                                  ({@code connection.maxGenerations})
 * @param h2ConnectionTokensPerSecond decode budget shared by the streams of one HTTP/2 connection, 0 = none
 *                                  ({@code h2.connectionTokensPerSecond})
 * @param requestsPerMinute         per-key request bucket, 0 = off ({@code limit.rpm})
 * @param tokensPerMinute           per-key token bucket, 0 = off ({@code limit.tpm})
 * @param keyConcurrency            per-key concurrent requests, 0 = off ({@code limit.concurrency})
 * @param cacheMode                 prefix caching ({@code cache.mode})
 * @param cacheMinTokens            shortest cacheable prefix ({@code cache.minTokens})
 * @param cacheBlockTokens          cache granularity ({@code cache.blockTokens})
 * @param cacheEntries              block hashes remembered, LRU ({@code cache.entries})
 * @param thinkingTokens            thought tokens generated when thinking is on ({@code thinking.tokens})
 * @param thinkingByDefault         whether Gemini requests without a thinkingConfig think ({@code thinking.default})
 * @param stopReason                OpenAI-format finish_reason of a natural end ({@code quirk.finishReason})
 * @param faultRates                per-request probability of each fault ({@code fault.<name>})
 * @param stallMs                   how long stall faults stop sending ({@code fault.stallMs})
 * @param trickleMs                 event spacing of the slow-trickle fault ({@code fault.trickleMs})
 * @param faultRetryAfterMs         the retry hint of the forced {@code rate-limit} fault ({@code fault.retryAfterMs}; 0 = retry at once)
 * @param maxBatchBytes             most bytes written per flush when events are due together ({@code io.maxBatchBytes})
 * @param replay                    answer a repeated identical request with the recorded bytes of the first answer,
 *                                  skipping the whole model ({@code io.replay}; only for profiles without delays,
 *                                  limits or faults)
 */
public record Profile(
        String name,
        ApiFormat format,
        List<String> models,
        double latencyMedianMs,
        double latencySigma,
        double prefillMicrosPerToken,
        double rttMs,
        double connectMs,
        double tlsMs,
        double decodeTokensPerSecond,
        double decodeSigma,
        int tokensPerEvent,
        int outputMean,
        double outputSigma,
        int capacity,
        CapacityPolicy capacityPolicy,
        int connectionMaxStreams,
        double h2ConnectionTokensPerSecond,
        long requestsPerMinute,
        long tokensPerMinute,
        int keyConcurrency,
        CacheMode cacheMode,
        int cacheMinTokens,
        int cacheBlockTokens,
        int cacheEntries,
        int thinkingTokens,
        boolean thinkingByDefault,
        String stopReason,
        Map<FaultKind, Double> faultRates,
        long stallMs,
        long trickleMs,
        long faultRetryAfterMs,
        int maxBatchBytes,
        boolean replay) {

    public Profile {
        models = List.copyOf(models);
        faultRates = Map.copyOf(faultRates);
    }

    /** True when any per-key limit is on. */
    public boolean hasKeyLimits() {
        return requestsPerMinute > 0 || tokensPerMinute > 0 || keyConcurrency > 0;
    }

    public double faultRate(FaultKind kind) {
        return faultRates.getOrDefault(kind, 0.0);
    }
}
