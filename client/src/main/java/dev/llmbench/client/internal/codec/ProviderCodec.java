package dev.llmbench.client.internal.codec;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;

/**
 * One provider's wire format: request encoding, incremental stream decoding, non-streaming and error decoding.
 * Stateless and thread-safe; a {@link StreamDecoder} holds the state of one stream.
 */
public interface ProviderCodec {

    Provider provider();

    /**
     * The request for {@code request}. {@code providerModel} is the model name with any routing prefix removed.
     * Auth headers are not included: see {@link #authHeaders}.
     */
    EncodedRequest encode(ChatRequest request, String providerModel, boolean stream);

    /** Adds this provider's authentication (and version) headers for {@code apiKey}. */
    void authHeaders(String apiKey, HeaderSink headers);

    /** A decoder for one streaming response body; events go to {@code sink}. */
    StreamDecoder newStreamDecoder(EventSink sink);

    /** Decodes a whole non-streaming 2xx body into {@code sink} (text, finish reason, usage), then calls onDone. */
    void decodeResponse(byte[] body, EventSink sink);

    /** The typed error for a non-2xx response. {@code body} may be empty. */
    LlmException decodeError(int status, HeaderLookup headers, byte[] body);

    /** Adds one header. */
    @FunctionalInterface
    interface HeaderSink {
        void header(String name, String value);
    }
}
