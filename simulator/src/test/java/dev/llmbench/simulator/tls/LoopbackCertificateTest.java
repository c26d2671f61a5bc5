package dev.llmbench.simulator.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackCertificateTest {

    @TempDir
    Path dir;

    @Test
    void certificateNamesLoopbackIpAndLocalhostAndIsCurrentlyValid() throws Exception {
        LoopbackCertificate cert = LoopbackCertificate.generate(dir, "secret");
        X509Certificate x509 = cert.certificate();
        x509.checkValidity();
        x509.verify(x509.getPublicKey()); // self-signed
        assertThat(x509.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
        assertThat(x509.getBasicConstraints()).isEqualTo(-1); // not a CA
    }

    @Test
    void truststoreHoldsTheTrustedCertificateAndTheKeyUnderThePassword() throws Exception {
        LoopbackCertificate cert = LoopbackCertificate.generate(dir, "secret");
        assertThat(cert.trustStore()).isEqualTo(dir.resolve("truststore.p12"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cert.trustStore())) {
            store.load(in, "secret".toCharArray());
        }
        assertThat(store.isCertificateEntry(LoopbackCertificate.CERTIFICATE_ALIAS)).isTrue();
        assertThat(store.getCertificate(LoopbackCertificate.CERTIFICATE_ALIAS)).isEqualTo(cert.certificate());
        var key = (java.security.PrivateKey) store.getKey(LoopbackCertificate.KEY_ALIAS, "secret".toCharArray());
        // The stored key signs what the certificate's public key verifies.
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.certificate());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void eachGenerationIsAFreshKey() {
        LoopbackCertificate a = LoopbackCertificate.generate(dir.resolve("."), "p");
        Path other = dir.resolve("b");
        assertThat(other.toFile().mkdir()).isTrue();
        LoopbackCertificate b = LoopbackCertificate.generate(other, "p");
        assertThat(a.certificate().getPublicKey()).isNotEqualTo(b.certificate().getPublicKey());
    }
}
