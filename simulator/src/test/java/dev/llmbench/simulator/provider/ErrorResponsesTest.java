package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input gets the provider's own status and error body. */
class ErrorResponsesTest {
    static final SimClient client = SharedSim.client();
    static final String CHAT = "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String MSG = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String GEM = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
    static final String GEM_PATH = "/zero/v1beta/models/gemini-3-flash-preview:generateContent";

    static void assertOpenAiError(SimClient.Result r, int status, String type, String code) {
        assertThat(r.status()).isEqualTo(status);
        JsonNode e = r.json().get("error");
        assertThat(e.get("message").asText()).isNotEmpty();
        assertThat(e.get("type").asText()).isEqualTo(type);
        assertThat(e.has("param")).isTrue();
        if (code == null) assertThat(e.get("code").isNull()).isTrue(); else assertThat(e.get("code").asText()).isEqualTo(code);
    }

    static void assertAnthropicError(SimClient.Result r, int status, String type) {
        assertThat(r.status()).isEqualTo(status);
        JsonNode j = r.json();
        assertThat(j.get("type").asText()).isEqualTo("error");
        assertThat(j.at("/error/type").asText()).isEqualTo(type);
        assertThat(j.at("/error/message").asText()).isNotEmpty();
        assertThat(r.headers().get("request-id")).startsWith("req_");
    }

    static void assertGeminiError(SimClient.Result r, int status, String grpcStatus) {
        assertThat(r.status()).isEqualTo(status);
        JsonNode e = r.json().get("error");
        assertThat(e.get("code").asInt()).isEqualTo(status);
        assertThat(e.get("status").asText()).isEqualTo(grpcStatus);
        assertThat(e.get("message").asText()).isNotEmpty();
    }

    @Test
    void openAi() {
        assertOpenAiError(client.post("/zero/v1/chat/completions", CHAT), 401, "invalid_request_error", null);
        var bad = client.post("/zero/v1/chat/completions", CHAT, "authorization", "Bearer bad-secret-123");
        assertOpenAiError(bad, 401, "invalid_request_error", "invalid_api_key");
        assertThat(bad.body()).doesNotContain("secret");
        assertOpenAiError(client.post("/zero/v1/chat/completions", "{not json", "authorization", "Bearer k"), 400, "invalid_request_error", null);
        assertOpenAiError(client.post("/zero/v1/chat/completions", "{\"model\":\"m\"}", "authorization", "Bearer k"),
                400, "invalid_request_error", "missing_required_parameter");
        assertOpenAiError(client.post("/zero/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}", "authorization", "Bearer k"),
                400, "invalid_request_error", "empty_array");
        assertOpenAiError(client.post("/zero/v1/chat/completions", CHAT.replace("}]}", "}],\"max_tokens\":0}"),
                "authorization", "Bearer k"), 400, "invalid_request_error", "integer_below_min_value");
        assertOpenAiError(client.post("/zero/v1/chat/completions", CHAT.replace("}]}", "}],\"max_tokens\":\"x\"}"),
                "authorization", "Bearer k"), 400, "invalid_request_error", "invalid_type");
        assertOpenAiError(client.post("/zero/v1/chat/completions", CHAT.replace("}]}", "}],\"reasoning_effort\":\"max\"}"),
                "authorization", "Bearer k"), 400, "invalid_request_error", "invalid_value");
        var noModel = client.post("/zero/v1/chat/completions", "{\"messages\":[]}", "authorization", "Bearer k");
        assertThat(noModel.json().at("/error/message").asText()).isEqualTo("you must provide a model parameter");
        var notFound = client.post("/zero/v1/nothing", CHAT, "authorization", "Bearer k");
        assertOpenAiError(notFound, 404, "invalid_request_error", null);
        assertThat(notFound.json().at("/error/message").asText()).isEqualTo("Invalid URL (POST /zero/v1/nothing)");
        assertOpenAiError(client.get("/zero/v1/chat/completions", "authorization", "Bearer k"), 404, "invalid_request_error", null);
        assertOpenAiError(client.get("/openai/v1/models"), 401, "invalid_request_error", null);
    }

    @Test
    void anthropic() {
        assertAnthropicError(client.post("/zero/v1/messages", MSG, "anthropic-version", "2023-06-01"), 401, "authentication_error");
        var bad = client.post("/zero/v1/messages", MSG, "x-api-key", "bad-key", "anthropic-version", "2023-06-01");
        assertAnthropicError(bad, 401, "authentication_error");
        assertThat(bad.json().at("/error/message").asText()).isEqualTo("invalid x-api-key");
        assertAnthropicError(client.post("/zero/v1/messages", MSG, "x-api-key", "k"), 400, "invalid_request_error");
        var noMax = client.post("/zero/v1/messages", MSG.replace("\"max_tokens\":10,", ""), "x-api-key", "k", "anthropic-version", "2023-06-01");
        assertAnthropicError(noMax, 400, "invalid_request_error");
        assertThat(noMax.json().at("/error/message").asText()).isEqualTo("max_tokens: Field required");
        assertAnthropicError(client.post("/zero/v1/messages", "[1,2", "x-api-key", "k", "anthropic-version", "2023-06-01"),
                400, "invalid_request_error");
        assertAnthropicError(client.post("/zero/v1/messages", MSG.replace("\"max_tokens\":10", "\"max_tokens\":2000,\"thinking\":"
                + "{\"type\":\"enabled\",\"budget_tokens\":100}"), "x-api-key", "k", "anthropic-version", "2023-06-01"), 400, "invalid_request_error");
        assertAnthropicError(client.post("/zero/v1/messages/nope", MSG, "x-api-key", "k", "anthropic-version", "2023-06-01"), 404, "not_found_error");
        // A profile whose native format is Anthropic answers unknown routes in Anthropic's shape.
        assertAnthropicError(client.post("/anthropic/v2/whatever", MSG), 404, "not_found_error");
    }

    @Test
    void gemini() {
        assertGeminiError(client.post(GEM_PATH, GEM), 401, "UNAUTHENTICATED");
        assertGeminiError(client.post(GEM_PATH + "?key=bad-1", GEM), 401, "UNAUTHENTICATED");
        assertGeminiError(client.post(GEM_PATH, "{{", "x-goog-api-key", "k"), 400, "INVALID_ARGUMENT");
        assertGeminiError(client.post(GEM_PATH, "{\"contents\":[]}", "x-goog-api-key", "k"), 400, "INVALID_ARGUMENT");
        assertGeminiError(client.post(GEM_PATH, GEM.replace("]}]}", "]}],\"generationConfig\":{\"thinkingConfig\":"
                + "{\"thinkingLevel\":\"ULTRA\"}}}"), "x-goog-api-key", "k"), 400, "INVALID_ARGUMENT");
        assertGeminiError(client.post("/zero/v1beta/models/gemini-3-flash-preview:embedContent", GEM, "x-goog-api-key", "k"),
                404, "NOT_FOUND");
    }

    @Test
    void unknownSimFaultNameIsA400() {
        var r = client.post("/zero/v1/chat/completions", CHAT, "authorization", "Bearer k", "x-sim-fault", "meteor-strike");
        assertOpenAiError(r, 400, "invalid_request_error", null);
        assertThat(r.json().at("/error/message").asText()).contains("meteor-strike").contains("http-500");
    }
}
