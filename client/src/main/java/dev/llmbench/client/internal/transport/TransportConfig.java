package dev.llmbench.client.internal.transport;

import java.time.Duration;

/**
 * What every transport is sized and secured with.
 *
 * @param maxConcurrency     in-flight requests the stack must carry without a hidden queue (dispatchers, pools)
 * @param connectionsPerHost HTTP/2 connections per host the Netty transport spreads streams over
 * @param connectTimeout     TCP (and TLS) connect limit, enforced by the stack itself
 * @param tls                trust material shared by every stack
 */
public record TransportConfig(int maxConcurrency, int connectionsPerHost, Duration connectTimeout, TlsTrust tls) {}
