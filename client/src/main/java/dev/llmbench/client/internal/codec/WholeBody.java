package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.client.LlmException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Decodes a whole non-streaming 2xx body: one event, the object's content, then onDone (or onError). */
final class WholeBody {
    private WholeBody() {}

    /** Reads the root object (its START_OBJECT consumed) and returns the error it carried, or null. */
    @FunctionalInterface
    interface Reader {
        ProviderError read(JsonParser p, long nanoTime) throws IOException;
    }

    /**
     * @param readerFor makes the reader, given what it should report to (calls are held until the body parsed)
     */
    static void decode(String provider, byte[] body, EventSink sink, Function<EventSink, Reader> readerFor) {
        long now = System.nanoTime();
        sink.onEvent(now);
        PendingCalls pending = new PendingCalls(sink);
        Reader reader = readerFor.apply(pending);
        ProviderError error;
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new Json.MalformedJson("expected a JSON object");
            error = reader.read(p, now);
            if (p.nextToken() != null) throw new Json.MalformedJson("content after the JSON object");
        } catch (IOException | RuntimeException e) {
            sink.onError(new LlmException.Protocol(provider + ": malformed response body: " + e.getMessage(), 0, e));
            return;
        }
        pending.flush(now);
        if (error != null) sink.onError(ErrorDecoding.fromStreamError(provider, error, new String(body, StandardCharsets.UTF_8)));
        else sink.onDone();
    }
}
