package dev.llmbench.client.internal.transport;

/** The protocol names {@link ResponseSink#onHeaders} reports. */
public final class Protocols {
    public static final String H2 = "h2";
    public static final String HTTP_1_1 = "http/1.1";

    private Protocols() {}
}
