package dev.integrationsandbox.spi;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor's real host, where proxy mode forwards: one base URL, or several when the vendor serves
 * some paths from another host (BTG's token endpoint lives on its Cognito domain, the tickets on
 * its API host). A vendor names its presets ({@link Vendor#upstreamPresets()}) so that the proxy
 * needs no code of its own per vendor.
 *
 * @param base where every path goes unless a prefix below says otherwise
 * @param byPathPrefix hosts for the paths that start with a prefix: {@code /oauth2/} → Cognito
 * @param production whether this is the vendor's production: reaching it needs {@code
 *     --allow-production}
 */
public record Upstream(URI base, Map<String, URI> byPathPrefix, boolean production) {

  public Upstream {
    base = withoutTrailingSlash(base);
    Map<String, URI> copy = new LinkedHashMap<>();
    byPathPrefix.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, URI> e) -> e.getKey().length()).reversed())
        .forEach(e -> copy.put(e.getKey(), withoutTrailingSlash(e.getValue())));
    byPathPrefix = java.util.Collections.unmodifiableMap(copy);
  }

  /** One host for every path, not production: a URL given in the configuration. */
  public static Upstream at(String url) {
    return new Upstream(URI.create(url), Map.of(), false);
  }

  /** The same upstream, marked as production. */
  public Upstream asProduction() {
    return new Upstream(base, byPathPrefix, true);
  }

  /** The same upstream, with paths under {@code prefix} sent to {@code host}. */
  public Upstream routing(String prefix, String host) {
    Map<String, URI> more = new LinkedHashMap<>(byPathPrefix);
    more.put(prefix, URI.create(host));
    return new Upstream(base, more, production);
  }

  /** The host that serves {@code path}: the longest matching prefix's, otherwise the base. */
  public URI hostFor(String path) {
    for (Map.Entry<String, URI> e : byPathPrefix.entrySet()) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return base;
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
