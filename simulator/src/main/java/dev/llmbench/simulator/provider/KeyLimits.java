package dev.llmbench.simulator.provider;

/**
 * One API key's limits on one profile: a requests-per-minute and a tokens-per-minute token bucket (full at start,
 * refilled continuously) and a concurrent-request cap. Checked once per request under the object's monitor; the
 * per-key scope keeps contention to requests of the same key.
 */
final class KeyLimits {
    private final long rpm;
    private final long tpm;
    private final int maxConcurrent;
    private double requestLevel;
    private double tokenLevel;
    private long lastNanos;
    private int inFlight;

    KeyLimits(long rpm, long tpm, int maxConcurrent, long nowNanos) {
        this.rpm = rpm;
        this.tpm = tpm;
        this.maxConcurrent = maxConcurrent;
        this.requestLevel = rpm;
        this.tokenLevel = tpm;
        this.lastNanos = nowNanos;
    }

    /** Admits (and counts) the request or says which limit refuses it. A successful admission must be released. */
    synchronized Admission admit(long tokens, long nowNanos) {
        refill(nowNanos);
        Admission.Limit denied = Admission.Limit.NONE;
        long retryMs = 0;
        if (rpm > 0 && requestLevel < 1) {
            denied = Admission.Limit.REQUESTS;
            retryMs = millisToReach(1 - requestLevel, rpm);
        } else if (tpm > 0 && tokenLevel < tokens) {
            denied = Admission.Limit.TOKENS;
            retryMs = tokens > tpm ? 60_000 : millisToReach(tokens - tokenLevel, tpm);
        } else if (maxConcurrent > 0 && inFlight >= maxConcurrent) {
            denied = Admission.Limit.CONCURRENCY;
            retryMs = 1000;
        }
        if (denied == Admission.Limit.NONE) {
            if (rpm > 0) requestLevel -= 1;
            if (tpm > 0) tokenLevel -= tokens;
            inFlight++;
        }
        return new Admission(denied, Math.max(1, retryMs),
                rpm, (long) Math.max(0, Math.floor(requestLevel)), rpm > 0 ? millisToReach(rpm - requestLevel, rpm) : 0,
                tpm, (long) Math.max(0, Math.floor(tokenLevel)), tpm > 0 ? millisToReach(tpm - tokenLevel, tpm) : 0,
                maxConcurrent, tokens);
    }

    synchronized void release() {
        if (inFlight > 0) inFlight--;
    }

    private void refill(long nowNanos) {
        double minutes = (nowNanos - lastNanos) / 60e9;
        lastNanos = nowNanos;
        if (minutes <= 0) return;
        requestLevel = Math.min(rpm, requestLevel + minutes * rpm);
        tokenLevel = Math.min(tpm, tokenLevel + minutes * tpm);
    }

    private static long millisToReach(double missing, long perMinute) {
        return missing <= 0 ? 0 : (long) Math.ceil(missing * 60_000.0 / perMinute);
    }
}
