package dev.llmbench.bench.path;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.Usage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one recorder every library adapter feeds: same timestamps, same token rules, usage flagged when missing. */
class StreamCallTest {

    @Test
    void recordsTheSameMomentsAsTheReferenceClientAndFlagsMissingUsage() {
        List<String> tokens = new ArrayList<>();
        StreamCall call = new StreamCall(Provider.OPENAI, "m", new StreamListener() {
            @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { tokens.add(text.toString()); }
        });
        assertThat(StreamCall.byId(call.id())).isSameAs(call);
        call.send();
        call.headers(200, "h2", System.nanoTime());
        call.event(System.nanoTime());
        call.token("", false, System.nanoTime()); // a role-only delta: not a token
        call.token(null, false, System.nanoTime());
        call.event(System.nanoTime());
        call.token("Hel", false, System.nanoTime());
        call.event(System.nanoTime());
        call.token("lo", false, System.nanoTime());
        call.complete(null, "stop"); // the library exposed no usage

        ChatResponse r = call.future().join();
        assertThat(tokens).containsExactly("Hel", "lo");
        assertThat(r.text()).isEqualTo("Hello");
        assertThat(r.protocol()).isEqualTo("h2");
        assertThat(r.usage().reported()).as("estimated, not reported").isFalse();
        assertThat(r.usage().outputTokens()).isEqualTo(2); // the content events
        assertThat(r.timing().events()).isEqualTo(3);
        assertThat(r.timing().ttfbNanos()).isPositive().isLessThanOrEqualTo(r.timing().ttftNanos());
        assertThat(r.timing().ttftNanos()).isLessThanOrEqualTo(r.timing().e2eNanos());
        assertThat(StreamCall.byId(call.id())).as("unregistered once settled").isNull();
    }

    @Test
    void reportedUsageIsKeptAndTheFutureSettlesOnce() {
        StreamCall call = new StreamCall(Provider.ANTHROPIC, "m", null);
        call.send();
        call.token("x", false, System.nanoTime());
        call.complete(new Usage(12, 0, 7, 0, true), "end_turn");
        call.fail(new LlmException.Cancelled()); // too late: ignored
        ChatResponse r = call.future().join();
        assertThat(r.usage()).isEqualTo(new Usage(12, 0, 7, 0, true));
        assertThat(r.protocol()).isEqualTo("unknown");
        assertThat(call.settled()).isTrue();
    }
}
