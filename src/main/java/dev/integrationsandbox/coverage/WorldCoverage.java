package dev.integrationsandbox.coverage;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coverage of the whole sandbox and of each world, so that a test suite running in its own
 * world reads what it alone exercised. Bounded: past {@value #MAX_WORLDS} worlds the per-world
 * counts start again (the sandbox-wide ones never do).
 */
public final class WorldCoverage implements ExchangeListener {

  static final int MAX_WORLDS = 256;

  private final Map<String, Contract> contracts;
  private final Coverage overall;
  private final ConcurrentHashMap<String, Coverage> byWorld = new ConcurrentHashMap<>();

  public WorldCoverage(Map<String, Contract> contracts) {
    this.contracts = contracts;
    this.overall = Coverage.overall(contracts);
  }

  @Override
  public void onExchange(Exchange exchange) {
    overall.onExchange(exchange);
    if (exchange.world() != null) {
      if (byWorld.size() >= MAX_WORLDS && !byWorld.containsKey(exchange.world())) {
        byWorld.clear();
      }
      byWorld
          .computeIfAbsent(exchange.world(), w -> Coverage.overall(contracts))
          .onExchange(exchange);
    }
  }

  /** The sandbox-wide coverage for null, else that world's (empty if it saw no traffic). */
  public Coverage of(String world) {
    return world == null
        ? overall
        : byWorld.computeIfAbsent(world, w -> Coverage.overall(contracts));
  }

  /** Starts one world's coverage again, or every coverage for null. */
  public void reset(String world) {
    if (world == null) {
      overall.reset();
      byWorld.clear();
    } else {
      byWorld.remove(world);
    }
  }
}
