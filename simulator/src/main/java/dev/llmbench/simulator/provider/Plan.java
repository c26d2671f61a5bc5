package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.server.Exchange;

import java.util.SplittableRandom;

/**
 * The timing model's draws for one request, all from the request's own random stream in a fixed order.
 *
 * @param networkNanos        round trip, plus connection (and TLS) set-up on a connection's first request
 * @param firstTokenNanos     from the start of generation (slot granted + network) to the first token event:
 *                            base latency + prefill of uncached prompt tokens + hidden thinking
 * @param tokenIntervalNanos  per-token decode time of this stream (0 = instant)
 * @param answerTokens        answer length: min(drawn length, max tokens left after thoughts)
 * @param thoughtTokens       thought / reasoning tokens (0 when thinking is off)
 * @param hitMaxTokens        the answer was cut by max tokens
 * @param fault               the fault injected into this request, or null
 */
record Plan(long networkNanos, long firstTokenNanos, long tokenIntervalNanos, int answerTokens, int thoughtTokens,
            boolean hitMaxTokens, FaultKind fault) {

    static long networkNanos(Profile p, Exchange ex) {
        double ms = p.rttMs();
        if (ex.requestIndexOnConnection() == 0) ms += p.connectMs() + (ex.secure() ? p.tlsMs() : 0);
        return (long) (ms * 1e6);
    }

    static Plan draw(Profile p, Exchange ex, GenerationRequest req, int cachedTokens, SplittableRandom rnd, FaultKind forced) {
        double latencyMs = p.latencyMedianMs() * Math.exp(p.latencySigma() * rnd.nextGaussian());
        double rateFactor = Math.exp(p.decodeSigma() * rnd.nextGaussian());
        int drawn = (int) Math.max(1, Math.round(p.outputMean() * Math.exp(p.outputSigma() * rnd.nextGaussian())));
        double u = rnd.nextDouble();
        FaultKind fault = forced != null ? forced : pickFault(p, u);

        int thoughts = 0;
        if (req.thinking()) {
            thoughts = p.thinkingTokens();
            if (req.thinkingBudget() > 0) thoughts = Math.min(thoughts, req.thinkingBudget());
        }
        int answer = drawn;
        boolean hitMax = false;
        if (req.maxTokens() > 0) {
            thoughts = Math.min(thoughts, req.maxTokens() - 1);
            int room = req.maxTokens() - thoughts;
            if (drawn > room) {
                answer = room;
                hitMax = true;
            }
        }
        long interval = p.decodeTokensPerSecond() <= 0 ? 0 : (long) (1e9 / (p.decodeTokensPerSecond() * rateFactor));
        double prefillUs = p.prefillMicrosPerToken() * Math.max(0, req.promptTokens() - cachedTokens);
        long first = (long) (latencyMs * 1e6 + prefillUs * 1e3);
        if (!req.visibleThoughts()) first += thoughts * interval;
        return new Plan(networkNanos(p, ex), first, interval, answer, thoughts, hitMax, fault);
    }

    private static FaultKind pickFault(Profile p, double u) {
        if (p.faultRates().isEmpty()) return null;
        double acc = 0;
        for (FaultKind f : FaultKind.values()) {
            acc += p.faultRate(f);
            if (u < acc) return f;
        }
        return null;
    }
}
