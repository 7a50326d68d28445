package dev.integrationsandbox.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forward proxy between the sandbox and the vendors for teams behind one, from the conventional
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} variables (either case), as curl and
 * most tools read them.
 *
 * @param http the proxy for {@code http://} upstreams, or null
 * @param https the proxy for {@code https://} upstreams, or null
 * @param noProxy hosts reached directly: {@code example.com} also covers its subdomains, {@code *}
 *     every host
 */
public record CorporateProxy(URI http, URI https, List<String> noProxy) {

  public static final CorporateProxy NONE = new CorporateProxy(null, null, List.of());

  public CorporateProxy {
    noProxy = List.copyOf(noProxy);
  }

  static CorporateProxy from(Map<String, String> env) {
    return new CorporateProxy(
        uri(env, "HTTP_PROXY"),
        uri(env, "HTTPS_PROXY"),
        Arrays.stream(variable(env, "NO_PROXY", "").split(","))
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .toList());
  }

  private static URI uri(Map<String, String> env, String name) {
    String value = variable(env, name, null);
    if (value == null || value.isBlank()) {
      return null;
    }
    URI uri = URI.create(value.contains("://") ? value.trim() : "http://" + value.trim());
    if (uri.getHost() == null) {
      throw new ConfigException(name + " must be a proxy URL such as http://proxy:3128");
    }
    return uri;
  }

  private static String variable(Map<String, String> env, String name, String otherwise) {
    String upper = env.get(name);
    return upper != null ? upper : env.getOrDefault(name.toLowerCase(Locale.ROOT), otherwise);
  }

  /** The proxy to reach {@code upstream} through, or null to connect directly. */
  public URI forUpstream(URI upstream) {
    URI proxy = "https".equalsIgnoreCase(upstream.getScheme()) ? https : http;
    if (proxy == null) {
      return null;
    }
    String host = upstream.getHost().toLowerCase(Locale.ROOT);
    for (String excluded : noProxy) {
      String bare = excluded.startsWith(".") ? excluded.substring(1) : excluded;
      if (bare.equals("*") || host.equals(bare) || host.endsWith("." + bare)) {
        return null;
      }
    }
    return proxy;
  }
}
