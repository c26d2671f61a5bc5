package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.server.Exchange;

import java.util.Map;

/** One wire format: authentication, request parsing, error bodies, success headers and response encoding. */
sealed interface ProviderApi permits OpenAiApi, AnthropicApi, GeminiApi {

    /** The API key the request carries in this format's header (or query), or null. */
    String apiKey(Exchange exchange);

    Reply missingKey();

    Reply invalidKey();

    Reply notFound(Exchange exchange);

    /** A 400 in this provider's shape, for simulator-specific request problems (e.g. an unknown x-sim-fault). */
    Reply badRequest(String message);

    /** Format-specific header checks after authentication (Anthropic's anthropic-version), or null when fine. */
    default Reply checkHeaders(Exchange exchange) { return null; }

    /** Parses a generation request; {@code pathModel} is the model named by the path (Gemini), else null. */
    Parsed parse(Exchange exchange, String pathModel, Profile profile);

    /** The provider's answer to a refused admission (429, with its headers). */
    Reply rateLimited(Admission admission, String model);

    /** The provider's answer to an error-status fault: 500, 503, 429 or 529 (overloaded). */
    Reply fault(FaultKind kind, String model);

    /** Headers of a successful response: content type, request id, rate-limit state. */
    Map<String, String> successHeaders(Admission admission, boolean stream, String requestId);

    EventEncoder encoder(Completion completion, GenerationRequest request, boolean groundTruth);

    /** The whole (non-streaming) response body. */
    byte[] wholeBody(Completion completion, GenerationRequest request);

    /** A response id in this provider's style, from 24 random alphanumerics. */
    String responseId(String random);

    Reply models(Profile profile);

    /** Either a request or the 400 to send instead. */
    record Parsed(GenerationRequest request, Reply error) {
        static Parsed ok(GenerationRequest r) { return new Parsed(r, null); }
        static Parsed fail(Reply e) { return new Parsed(null, e); }
    }
}
