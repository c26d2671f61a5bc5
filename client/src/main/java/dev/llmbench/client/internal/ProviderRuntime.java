package dev.llmbench.client.internal;

import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.limit.KeyRing;
import dev.llmbench.client.retry.Retrying;

/**
 * Everything a request to one provider needs, built on that provider's first request and then reused.
 *
 * @param retrying null when the client does not retry
 * @param events   null when no {@link dev.llmbench.client.ClientListener} is registered
 */
record ProviderRuntime(Provider provider, ProviderSettings settings, ProviderCodec codec, Transport transport, KeyRing keys,
                       Retrying retrying, ProviderEvents events) {}
