package dev.llmbench.client.internal;

import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.limit.KeyRing;

/** Everything a request to one provider needs, built on that provider's first request and then reused. */
record ProviderRuntime(Provider provider, ProviderSettings settings, ProviderCodec codec, Transport transport, KeyRing keys) {}
