package dev.llmbench.client.internal;

import dev.llmbench.client.BuilderConfigs;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.internal.codec.ProviderCodec;

import java.util.function.Function;

/** Builds clients for tests, optionally with a codec lookup other than the production one. */
final class TestClients {
    private TestClients() {}

    static DefaultLlmClient build(LlmClient.Builder builder, Function<Provider, ProviderCodec> codecs) {
        return new DefaultLlmClient(BuilderConfigs.of(builder), codecs);
    }
}
