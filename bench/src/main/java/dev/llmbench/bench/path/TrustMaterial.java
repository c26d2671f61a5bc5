package dev.llmbench.bench.path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * An SSL context trusting one PKCS12 truststore (the simulator's self-signed certificate), passed to each library
 * explicitly rather than through the JVM-wide {@code javax.net.ssl.trustStore} properties. Host name checks stay on.
 */
public record TrustMaterial(SSLContext context, X509TrustManager trustManager) {

    /** The trust for {@code target}, or null when it names no truststore (the JDK's default trust applies). */
    public static TrustMaterial of(PathTarget target) {
        return target.trustStore() == null ? null : load(target.trustStore(), target.trustStorePassword());
    }

    public static TrustMaterial load(Path file, String password) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) if (m instanceof X509TrustManager x) tm = x;
            if (tm == null) throw new IllegalStateException("no X509 trust manager for " + file);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return new TrustMaterial(ctx, tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load truststore " + file + ": " + e.getMessage(), e);
        }
    }
}
