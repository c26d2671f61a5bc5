package dev.llmbench.client.internal.transport;

import java.io.IOException;

/** A stack's connect limit passed; transports normalize their own flavour of this failure to this type. */
public final class ConnectTimeoutException extends IOException {
    public ConnectTimeoutException(Throwable cause) {
        super("connect timed out", cause);
    }
}
