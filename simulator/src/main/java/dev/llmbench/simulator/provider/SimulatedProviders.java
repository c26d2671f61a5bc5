package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.SimulatorSettings;
import dev.llmbench.simulator.profile.CacheMode;
import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.profile.Profiles;
import dev.llmbench.simulator.server.Exchange;
import dev.llmbench.simulator.server.ExchangeHandler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Routes exchanges to the provider endpoints: {@code [/<profile>]/v1/chat/completions}, {@code /v1/models},
 * {@code /v1/messages}, {@code /v1beta/models[/<model>:generateContent|:streamGenerateContent]}. Any profile serves
 * any format; the profile decides timing, limits, caching and quirks.
 *
 * <p>Order of checks for a generation: route (404) → key (401) → format headers (400) → body (400) →
 * {@code x-sim-fault} forced error → per-key limits (429) → random fault → connection / capacity slots
 * (queue or 529) → response. Every refusal is delayed by the request's network time, like a real round trip. On a
 * replay profile ({@code io.replay}) a request identical to an earlier answered one gets that answer's bytes right
 * after the key check.
 */
public final class SimulatedProviders implements ExchangeHandler, AutoCloseable {
    /** Request header asking for ground-truth SSE comments. */
    public static final String GROUND_TRUTH_HEADER = "x-sim-ground-truth";
    /** Request header forcing one fault. */
    public static final String FAULT_HEADER = "x-sim-fault";

    private final Map<String, ProfileRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, Profile> profiles;
    private final ProfileRuntime defaultRuntime;

    /** Loads the profiles; throws IllegalArgumentException (one-line message) on a bad profile file or override. */
    private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();

    public SimulatedProviders(SimulatorSettings settings) {
        this.profiles = Collections.unmodifiableMap(Profiles.load(settings));
        profiles.forEach((name, p) -> runtimes.put(name, new ProfileRuntime(p, settings.seed())));
        this.defaultRuntime = runtimes.get(settings.defaultProfile());
    }

    /** The effective profiles, by name. */
    public Map<String, Profile> profiles() { return profiles; }

    /** Requests received so far (every path, errors and faults included): what a client's hidden retries add to. */
    public long requests() { return requests.sum(); }

    @Override
    public void handle(Exchange ex) {
        requests.increment();
        try {
            route(ex);
        } catch (RuntimeException e) {
            // A bug must not hang the client: answer 500 if nothing was sent yet, else abort.
            try {
                Replies.send(ex, OpenAiApi.INSTANCE.fault(FaultKind.HTTP_500, "unknown"));
            } catch (RuntimeException again) {
                ex.reset();
            }
        }
    }

    private void route(Exchange ex) {
        String path = ex.path();
        ProfileRuntime rt = defaultRuntime;
        String rest = path;
        int slash = path.indexOf('/', 1);
        String first = slash < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, slash);
        ProfileRuntime named = runtimes.get(first);
        if (named != null) {
            rt = named;
            rest = slash < 0 ? "" : path.substring(slash);
        }
        boolean post = "POST".equals(ex.method());
        boolean get = "GET".equals(ex.method());
        switch (rest) {
            case "/v1/chat/completions" -> {
                if (post) { generate(ex, rt, OpenAiApi.INSTANCE, null); return; }
            }
            case "/v1/messages" -> {
                if (post) { generate(ex, rt, AnthropicApi.INSTANCE, null); return; }
            }
            case "/v1/models" -> {
                if (get) {
                    boolean anthropic = ex.header("x-api-key") != null || ex.header("anthropic-version") != null;
                    listModels(ex, rt, anthropic ? AnthropicApi.INSTANCE : OpenAiApi.INSTANCE);
                    return;
                }
            }
            case "/v1beta/models" -> {
                if (get) { listModels(ex, rt, GeminiApi.INSTANCE); return; }
            }
            default -> {
                if (post && rest.startsWith("/v1beta/models/")) {
                    String target = rest.substring("/v1beta/models/".length());
                    int colon = target.lastIndexOf(':');
                    if (colon > 0 && target.indexOf('/') < 0) {
                        String method = target.substring(colon + 1);
                        if (method.equals("generateContent") || method.equals("streamGenerateContent")) {
                            generate(ex, rt, GeminiApi.INSTANCE, target.substring(0, colon));
                            return;
                        }
                    }
                }
            }
        }
        ProviderApi api = rest.startsWith("/v1beta") ? GeminiApi.INSTANCE
                : rest.startsWith("/v1/messages") ? AnthropicApi.INSTANCE : nativeApi(rt.profile);
        Replies.sendAfter(ex, api.notFound(ex), Plan.networkNanos(rt.profile, ex));
    }

    private static ProviderApi nativeApi(Profile p) {
        return switch (p.format()) {
            case ANTHROPIC -> AnthropicApi.INSTANCE;
            case GEMINI -> GeminiApi.INSTANCE;
            case OPENAI -> OpenAiApi.INSTANCE;
        };
    }

    /** Key checks shared by every endpoint; returns the refusal or null. */
    private static Reply authenticate(Exchange ex, ProviderApi api) {
        String key = api.apiKey(ex);
        if (key == null) return api.missingKey();
        if (key.startsWith("bad-")) return api.invalidKey();
        return api.checkHeaders(ex);
    }

    private void listModels(Exchange ex, ProfileRuntime rt, ProviderApi api) {
        Reply refusal = authenticate(ex, api);
        Replies.sendAfter(ex, refusal != null ? refusal : api.models(rt.profile), Plan.networkNanos(rt.profile, ex));
    }

    private void generate(Exchange ex, ProfileRuntime rt, ProviderApi api, String pathModel) {
        Profile p = rt.profile;
        long net = Plan.networkNanos(p, ex);
        Reply refusal = authenticate(ex, api);
        if (refusal == null && rt.replay != null && ex.header(FAULT_HEADER) == null && ex.header(GROUND_TRUTH_HEADER) == null) {
            ReplayCache.Key key = ReplayCache.Key.of(ex);
            if (rt.replay.replay(ex, key)) return;
            ex = rt.replay.recording(ex, key);
        }
        if (refusal == null) {
            ProviderApi.Parsed parsed = api.parse(ex, pathModel, p);
            if (parsed.error() != null) {
                refusal = parsed.error();
            } else {
                refusal = admit(ex, rt, api, parsed.request(), net);
            }
        }
        if (refusal != null) Replies.sendAfter(ex, refusal, net);
    }

    /** An error-status fault; a forced 429 carries the profile's retry hint ({@code fault.retryAfterMs}). */
    private static Reply fault(ProviderApi api, Profile p, FaultKind kind, String model) {
        if (kind != FaultKind.RATE_LIMIT) return api.fault(kind, model);
        long retryMs = p.faultRetryAfterMs();
        return api.rateLimited(new Admission(Admission.Limit.REQUESTS, retryMs, 1, 0, retryMs, 0, 0, 0, 0, 0), model);
    }

    /** Limits, faults and caching; starts the generation or returns the refusal to send. */
    private Reply admit(Exchange ex, ProfileRuntime rt, ProviderApi api, GenerationRequest req, long net) {
        Profile p = rt.profile;
        FaultKind forced = null;
        String faultName = ex.header(FAULT_HEADER);
        if (faultName != null && !faultName.isBlank()) {
            forced = FaultKind.byWireName(faultName);
            if (forced == null) {
                return api.badRequest("unknown " + FAULT_HEADER + " '" + faultName.trim() + "' (known: " + FaultKind.wireNames() + ")");
            }
            if (forced.isErrorStatus()) return fault(api, p, forced, req.model());
        }
        Admission admission = Admission.UNLIMITED;
        Runnable releaseAdmission = null;
        if (p.hasKeyLimits()) {
            KeyLimits limits = rt.limitsFor(api.apiKey(ex));
            long expectedTokens = (long) req.promptTokens() + (req.maxTokens() > 0 ? req.maxTokens() : p.outputMean());
            admission = limits.admit(expectedTokens, System.nanoTime());
            if (!admission.allowed()) return api.rateLimited(admission, req.model());
            releaseAdmission = limits::release;
        }
        SplittableRandom rnd = rt.nextRandom();
        int cached = 0;
        int created = 0;
        if (rt.cache != null && (p.cacheMode() == CacheMode.AUTO || req.explicitCache())) {
            cached = rt.cache.lookupAndStore(req.model(), req.prompt(), req.promptTokens());
            if (p.cacheMode() == CacheMode.EXPLICIT) created = Math.max(0, rt.cache.cacheableTokens(req.prompt(), req.promptTokens()) - cached);
        }
        Plan plan = Plan.draw(p, ex, req, cached, rnd, forced);
        if (plan.fault() != null && plan.fault().isErrorStatus()) {
            if (releaseAdmission != null) releaseAdmission.run();
            return fault(api, p, plan.fault(), req.model());
        }
        String id = api.responseId(Ids.alphanumeric(rnd, 24));
        String requestId = "req_" + Ids.alphanumeric(rnd, 24);
        Completion completion = new Completion(id, req.model(), System.currentTimeMillis() / 1000, req.promptTokens(),
                cached, created, plan.answerTokens(), plan.thoughtTokens(), req.visibleThoughts(), plan.hitMaxTokens(),
                p.stopReason());
        Map<String, String> headers = api.successHeaders(admission, req.stream(), requestId);
        boolean truth = "1".equals(ex.header(GROUND_TRUTH_HEADER)) || "true".equalsIgnoreCase(ex.header(GROUND_TRUTH_HEADER));
        new Generation(ex, api, rt, req, completion, plan, headers, truth, releaseAdmission).admit();
        return null;
    }

    @Override
    public void close() {
        // Nothing to stop: all work runs as tasks on the server's event loops, which the server shuts down.
    }
}
