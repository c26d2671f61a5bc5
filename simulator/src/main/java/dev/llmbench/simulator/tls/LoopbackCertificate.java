package dev.llmbench.simulator.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A self-signed certificate for {@code 127.0.0.1} (IP SAN) and {@code localhost} (DNS SAN), generated at start with
 * BouncyCastle, plus a PKCS12 file holding it as a trusted certificate (and its key) for clients to trust.
 *
 * <p>Netty's own {@code SelfSignedCertificate} needs BouncyCastle on JDK 17 anyway; doing it directly keeps the key
 * type and the SANs under our control. EC P-256 rather than RSA 2048: about 0.1 s of CPU to generate instead of
 * 0.7 s, paid by every JVM that starts a simulator, and accepted by every TLS 1.2/1.3 client.
 */
public record LoopbackCertificate(PrivateKey privateKey, X509Certificate certificate, Path trustStore,
                                  String trustStorePassword) {

    public static final String DEFAULT_PASSWORD = "llmbench";
    /** Alias of the trusted-certificate entry in the truststore. */
    public static final String CERTIFICATE_ALIAS = "llmbench-simulator";
    /** Alias of the key entry (the same certificate, with its private key). */
    public static final String KEY_ALIAS = "llmbench-simulator-key";

    /** Generates a fresh key and certificate and writes {@code truststore.p12} into {@code directory}. */
    public static LoopbackCertificate generate(Path directory, String password) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = selfSign(keyPair);
            Path trustStore = directory.resolve("truststore.p12");
            writePkcs12(trustStore, password, keyPair.getPrivate(), certificate);
            return new LoopbackCertificate(keyPair.getPrivate(), certificate, trustStore, password);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's truststore", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keyPair) throws OperatorCreationException, GeneralSecurityException,
            IOException {
        X500Name subject = new X500Name("CN=llmbench-simulator");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), // tolerate small clock differences
                Date.from(now.plus(Duration.ofDays(365))),
                subject,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void writePkcs12(Path file, String password, PrivateKey key, X509Certificate certificate)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(CERTIFICATE_ALIAS, certificate);
        store.setKeyEntry(KEY_ALIAS, key, password.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
