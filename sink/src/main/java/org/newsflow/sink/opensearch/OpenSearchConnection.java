package org.newsflow.sink.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.ConfigException;

/**
 * A connection to an OpenSearch cluster through the OpenSearch Java client: several node URLs, basic auth, TLS
 * with a custom CA. Closing it closes the HTTP client.
 */
public final class OpenSearchConnection implements AutoCloseable {

  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final String description;

  /**
   * @param urls     node URLs
   * @param username basic-auth user or null
   * @param password basic-auth password or null
   * @param caFile   PEM CA file or null
   */
  public OpenSearchConnection(List<String> urls, String username, String password, Path caFile) {
    HttpHost[] hosts = urls.stream().map(u -> {
      URI uri = URI.create(u.strip());
      return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() == -1
          ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 9200) : uri.getPort());
    }).toArray(HttpHost[]::new);
    SSLContext ssl = caFile == null ? null : sslContext(caFile);
    this.transport = ApacheHttpClient5TransportBuilder.builder(hosts)
        .setMapper(new JacksonJsonpMapper())
        .setHttpClientConfigCallback(b -> {
          if (username != null) {
            BasicCredentialsProvider creds = new BasicCredentialsProvider();
            for (HttpHost h : hosts) {
              creds.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(username,
                  password == null ? new char[0] : password.toCharArray()));
            }
            b.setDefaultCredentialsProvider(creds);
          }
          PoolingAsyncClientConnectionManagerBuilder cm = PoolingAsyncClientConnectionManagerBuilder.create()
              .setMaxConnPerRoute(16).setMaxConnTotal(64);
          if (ssl != null) {
            cm.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildAsync());
          }
          return b.setConnectionManager(cm.build());
        })
        .build();
    this.client = new OpenSearchClient(transport);
    this.description = String.join(",", urls);
  }

  /** A connection from the {@link OpenSearchSettings}. */
  public static OpenSearchConnection fromConfig(Config config) {
    return new OpenSearchConnection(config.get(OpenSearchSettings.URLS), config.get(OpenSearchSettings.USERNAME),
        config.get(OpenSearchSettings.PASSWORD), config.get(OpenSearchSettings.CA_FILE));
  }

  private static SSLContext sslContext(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("opensearch.ca.file " + caFile + " is not a readable PEM certificate file: "
          + e.getMessage() + ". Fix: point it at the PEM of the CA that signed the cluster's certificates.", e);
    }
  }

  /** The typed client. */
  public OpenSearchClient client() {
    return client;
  }

  /** The generic client for raw JSON requests (bulk NDJSON, templates, searches). */
  public OpenSearchGenericClient generic() {
    return client.generic();
  }

  /** The node URLs, for messages. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (Exception e) {
      // closing a client that lost its server must not fail a shutdown
    }
  }
}
