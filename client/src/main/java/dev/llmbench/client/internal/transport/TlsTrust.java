package dev.llmbench.client.internal.transport;

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
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Enumeration;

/**
 * One trust decision for every stack: the JDK's default CAs plus, optionally, the certificates of a PKCS12
 * truststore (e.g. the simulator's self-signed one). Both go into a single in-memory KeyStore read by the JDK's own
 * PKIX TrustManagerFactory, so chain validation and host name checks stay the JDK's; nothing is relaxed.
 */
public final class TlsTrust {
    private final TrustManagerFactory factory;
    private final X509TrustManager trustManager;
    private final SSLContext sslContext;

    private TlsTrust(TrustManagerFactory factory) throws GeneralSecurityException {
        this.factory = factory;
        X509TrustManager found = null;
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) { found = x; break; }
        }
        if (found == null) throw new GeneralSecurityException("no X509TrustManager");
        this.trustManager = found;
        this.sslContext = SSLContext.getInstance("TLS");
        sslContext.init(null, new TrustManager[] {found}, null);
    }

    /** JDK default trust, plus every certificate in {@code extraStore} when it is not null. */
    public static TlsTrust create(Path extraStore, String password) {
        try {
            TrustManagerFactory jdkDefault = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdkDefault.init((KeyStore) null);
            if (extraStore == null) return new TlsTrust(jdkDefault);

            KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
            merged.load(null, null);
            int n = 0;
            for (TrustManager tm : jdkDefault.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate ca : x.getAcceptedIssuers()) merged.setCertificateEntry("jdk-" + n++, ca);
                }
            }
            KeyStore extra = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(extraStore)) {
                extra.load(in, password == null ? null : password.toCharArray());
            }
            for (Enumeration<String> aliases = extra.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                Certificate cert = extra.getCertificate(alias);
                if (cert != null) merged.setCertificateEntry("extra-" + alias, cert);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(merged);
            return new TlsTrust(factory);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load trust material" + (extraStore == null ? "" : " from " + extraStore)
                    + ": " + e.getMessage(), e);
        }
    }

    public TrustManagerFactory trustManagerFactory() { return factory; }

    public X509TrustManager trustManager() { return trustManager; }

    public SSLContext sslContext() { return sslContext; }
}
