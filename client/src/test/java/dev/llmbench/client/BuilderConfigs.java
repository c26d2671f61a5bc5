package dev.llmbench.client;

import dev.llmbench.client.internal.ClientConfig;

/** Lets tests in other packages build a client from a builder's configuration (the builder hands it out only to build()). */
public final class BuilderConfigs {
    private BuilderConfigs() {}

    public static ClientConfig of(LlmClient.Builder builder) { return builder.config(); }
}
