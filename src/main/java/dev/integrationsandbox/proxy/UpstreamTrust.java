package dev.integrationsandbox.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates an upstream may present: the JVM's trust store always, plus the PEM file of
 * {@code --upstream-trust} (a private CA, or a test's self-signed upstream). Vert.x's own trust
 * options replace the JVM's store; this keeps both.
 */
final class UpstreamTrust {

  private UpstreamTrust() {}

  /** Null when no PEM is configured: Vert.x then uses the JVM's store as it is. Blocking. */
  static TrustOptions of(Vertx vertx, Path pem) throws Exception {
    if (pem == null) {
      return null;
    }
    List<X509TrustManager> managers = new ArrayList<>();
    TrustManagerFactory jvm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jvm.init((KeyStore) null);
    collect(jvm, managers);
    collect(
        new PemTrustOptions().addCertPath(pem.toString()).getTrustManagerFactory(vertx), managers);
    return TrustOptions.wrap(new Either(managers));
  }

  private static void collect(TrustManagerFactory factory, List<X509TrustManager> into) {
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        into.add(x);
      }
    }
  }

  /** Trusts a chain that any of its managers trusts. */
  private static final class Either implements X509TrustManager {
    private final List<X509TrustManager> managers;

    Either(List<X509TrustManager> managers) {
      this.managers = List.copyOf(managers);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the proxy does not authenticate clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      CertificateException last = new CertificateException("no trust manager");
      for (X509TrustManager m : managers) {
        try {
          m.checkServerTrusted(chain, authType);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw last;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream()
          .flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
          .toArray(X509Certificate[]::new);
    }
  }
}
