package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.server.Exchange;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Gemini generateContent / streamGenerateContent (Google AI Studio API, v1beta). */
final class GeminiApi implements ProviderApi {
    static final GeminiApi INSTANCE = new GeminiApi();
    private static final Set<String> LEVELS = Set.of("MINIMAL", "LOW", "MEDIUM", "HIGH");

    private GeminiApi() {}

    @Override
    public String apiKey(Exchange exchange) {
        String key = exchange.header("x-goog-api-key");
        if (key != null && !key.isBlank()) return key.trim();
        String q = queryParam(exchange.query(), "key");
        return q == null || q.isBlank() ? null : q;
    }

    static String queryParam(String query, String name) {
        if (query == null || query.isEmpty()) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equals(name)) return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    static Reply error(int code, String status, String message, ArrayNode details, Map<String, String> headers) {
        ObjectNode root = Json.object();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        err.put("status", status);
        if (details != null) err.set("details", details);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("content-type", "application/json; charset=UTF-8");
        return new Reply(code, h, Json.bytes(root));
    }

    private static Parsed invalid(String message) {
        return Parsed.fail(error(400, "INVALID_ARGUMENT", message, null, Map.of()));
    }

    // Real Gemini answers 403 PERMISSION_DENIED (no key) and 400 API_KEY_INVALID (bad key); the simulator's shared
    // convention is 401 for both, in Gemini's error shape (see README).
    @Override
    public Reply badRequest(String message) { return error(400, "INVALID_ARGUMENT", message, null, Map.of()); }

    @Override
    public Reply missingKey() {
        return error(401, "UNAUTHENTICATED", "Method doesn't allow unregistered callers (callers without established identity)."
                + " Please use API Key or other form of API consumer identity to call this API.", null, Map.of());
    }

    @Override
    public Reply invalidKey() {
        ArrayNode details = Json.MAPPER.createArrayNode();
        ObjectNode info = details.addObject();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "API_KEY_INVALID");
        info.put("domain", "googleapis.com");
        return error(401, "UNAUTHENTICATED", "API key not valid. Please pass a valid API key.", details, Map.of());
    }

    @Override
    public Reply notFound(Exchange exchange) {
        return error(404, "NOT_FOUND", "The requested URL " + exchange.path() + " was not found on this server.", null, Map.of());
    }

    @Override
    public Parsed parse(Exchange exchange, String pathModel, Profile profile) {
        JsonNode root = Json.parse(exchange.body());
        if (root == null || !root.isObject()) return invalid("Invalid JSON payload received. Unexpected token.");
        JsonNode contents = root.get("contents");
        if (contents == null || contents.isNull() || (contents.isArray() && contents.isEmpty())) {
            return invalid("* GenerateContentRequest.contents: contents is not specified\n");
        }
        if (!contents.isArray()) return invalid("Invalid JSON payload received. Unknown name \"contents\": Proto field is not repeating, cannot start list.");
        ByteArrayOutputStream prompt = new ByteArrayOutputStream();
        JsonNode system = root.path("systemInstruction");
        if (system.isMissingNode()) system = root.path("system_instruction");
        Json.collectText(system.get("parts"), prompt);
        for (JsonNode c : contents) Json.collectText(c.get("parts"), prompt);

        JsonNode gen = root.path("generationConfig");
        int maxTokens = 0;
        JsonNode max = gen.get("maxOutputTokens");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || max.asInt() < 1) {
                return invalid("Invalid value at 'generation_config.max_output_tokens' (TYPE_INT32), " + max);
            }
            maxTokens = max.asInt();
        }
        boolean thinking = profile.thinkingByDefault();
        int budget = 0;
        boolean include = false;
        JsonNode tc = gen.get("thinkingConfig");
        if (tc != null && tc.isObject()) {
            JsonNode b = tc.get("thinkingBudget");
            JsonNode level = tc.get("thinkingLevel");
            boolean hasBudget = b != null && !b.isNull();
            boolean hasLevel = level != null && !level.isNull();
            if (hasBudget && hasLevel) return invalid("You can only set only one of thinking budget and thinking level.");
            if (hasBudget) {
                if (!b.isIntegralNumber() || b.asInt() < -1) {
                    return invalid("Invalid value at 'generation_config.thinking_config.thinking_budget' (TYPE_INT32), " + b);
                }
                thinking = b.asInt() != 0;
                budget = Math.max(0, b.asInt());
            }
            if (hasLevel) {
                if (!LEVELS.contains(level.asText())) {
                    return invalid("Invalid value at 'generation_config.thinking_config.thinking_level' (type.googleapis.com/"
                            + "google.ai.generativelanguage.v1beta.ThinkingConfig.ThinkingLevel), " + level);
                }
                thinking = true;
            }
            include = tc.path("includeThoughts").asBoolean(false);
        }
        boolean stream = exchange.path().endsWith(":streamGenerateContent");
        boolean sse = "sse".equals(queryParam(exchange.query(), "alt"));
        return Parsed.ok(new GenerationRequest(pathModel, stream, maxTokens, false, thinking, budget, thinking && include,
                false, prompt.toByteArray(), sse));
    }

    private static ArrayNode quotaDetails(String model, long limit, long retryMillis) {
        ArrayNode details = Json.MAPPER.createArrayNode();
        ObjectNode qf = details.addObject();
        qf.put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
        ObjectNode v = qf.putArray("violations").addObject();
        v.put("quotaMetric", "generativelanguage.googleapis.com/generate_content_paid_tier_requests");
        v.put("quotaId", "GenerateRequestsPerMinutePerProjectPerModel");
        ObjectNode dims = v.putObject("quotaDimensions");
        dims.put("location", "global");
        dims.put("model", model);
        v.put("quotaValue", Long.toString(limit));
        ObjectNode help = details.addObject();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        ObjectNode link = help.putArray("links").addObject();
        link.put("description", "Learn more about Gemini API quotas");
        link.put("url", "https://ai.google.dev/gemini-api/docs/rate-limits");
        ObjectNode retry = details.addObject();
        retry.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
        retry.put("retryDelay", Durations.protoSeconds(retryMillis));
        return details;
    }

    @Override
    public Reply rateLimited(Admission a, String model) {
        long limit = switch (a.denied()) {
            case TOKENS -> a.tokensLimit();
            case CONCURRENCY -> a.concurrencyLimit();
            default -> a.requestsLimit();
        };
        String retry = String.format(java.util.Locale.ROOT, "%.2fs", a.retryAfterMillis() / 1000.0);
        return error(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details."
                + " For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. Please retry in "
                + retry + ".", quotaDetails(model, limit, a.retryAfterMillis()), Map.of());
    }

    @Override
    public Reply fault(FaultKind kind, String model) {
        return switch (kind) {
            case RATE_LIMIT -> rateLimited(new Admission(Admission.Limit.REQUESTS, 1000, 1, 0, 1000, 0, 0, 0, 0, 0), model);
            case HTTP_503 -> error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", null, Map.of());
            case OVERLOADED -> error(529, "UNAVAILABLE", "The model is overloaded. Please try again later.", null, Map.of());
            default -> error(500, "INTERNAL", "An internal error has occurred. Please retry or report in"
                    + " https://developers.generativeai.google/guide/troubleshooting", null, Map.of());
        };
    }

    @Override
    public Map<String, String> successHeaders(Admission admission, boolean stream, String requestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", stream ? "text/event-stream" : "application/json; charset=UTF-8");
        h.put("x-request-id", requestId);
        return h;
    }

    @Override
    public EventEncoder encoder(Completion completion, GenerationRequest request, boolean groundTruth) {
        return new GeminiEncoder(completion, request.sse(), groundTruth && request.sse());
    }

    static String finishReason(Completion c) { return c.hitMaxTokens() ? "MAX_TOKENS" : "STOP"; }

    static ObjectNode usage(Completion c) {
        ObjectNode u = Json.object();
        u.put("promptTokenCount", c.promptTokens());
        u.put("candidatesTokenCount", c.answerTokens());
        u.put("totalTokenCount", c.promptTokens() + c.outputTokens());
        if (c.cachedTokens() > 0) u.put("cachedContentTokenCount", c.cachedTokens());
        ObjectNode pd = u.putArray("promptTokensDetails").addObject();
        pd.put("modality", "TEXT");
        pd.put("tokenCount", c.promptTokens());
        if (c.cachedTokens() > 0) {
            ObjectNode cd = u.putArray("cacheTokensDetails").addObject();
            cd.put("modality", "TEXT");
            cd.put("tokenCount", c.cachedTokens());
        }
        if (c.thoughtTokens() > 0) u.put("thoughtsTokenCount", c.thoughtTokens());
        return u;
    }

    @Override
    public byte[] wholeBody(Completion c, GenerationRequest request) {
        ObjectNode root = Json.object();
        ObjectNode cand = root.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        ArrayNode parts = content.putArray("parts");
        if (c.visibleThoughts() && c.thoughtTokens() > 0) {
            ObjectNode t = parts.addObject();
            t.put("text", Vocabulary.text(c.thoughtTokens(), true));
            t.put("thought", true);
        }
        parts.addObject().put("text", Vocabulary.text(c.answerTokens(), false));
        content.put("role", "model");
        cand.put("finishReason", finishReason(c));
        cand.put("index", 0);
        root.set("usageMetadata", usage(c));
        root.put("modelVersion", c.model());
        root.put("responseId", c.id());
        return Json.bytes(root);
    }

    @Override
    public String responseId(String random) { return random; }

    @Override
    public Reply models(Profile profile) {
        ObjectNode root = Json.object();
        ArrayNode models = root.putArray("models");
        for (String m : profile.models()) {
            ObjectNode o = models.addObject();
            o.put("name", "models/" + m);
            o.put("version", "001");
            o.put("displayName", m);
            o.put("inputTokenLimit", 1_048_576);
            o.put("outputTokenLimit", 65_536);
            ArrayNode methods = o.putArray("supportedGenerationMethods");
            methods.add("generateContent");
            methods.add("countTokens");
        }
        return new Reply(200, Map.of("content-type", "application/json; charset=UTF-8"), Json.bytes(root));
    }
}
