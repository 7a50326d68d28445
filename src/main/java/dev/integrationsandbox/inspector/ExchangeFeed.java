package dev.integrationsandbox.inspector;

import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands every exchange to the open inspector pages. It costs a request one read of an empty set
 * when no page is open, and with pages open one bounded enqueue per page: a page that reads slowly
 * (a paused tab, a slow network) loses exchanges, counted, instead of making the server hold them.
 */
public final class ExchangeFeed implements ExchangeListener {

  /** Pages open at once; more are refused, since each one is a held connection and a queue. */
  public static final int MAX_SUBSCRIBERS = 16;

  private final Set<FeedSubscriber> subscribers = new CopyOnWriteArraySet<>();
  private final AtomicLong dropped = new AtomicLong();

  @Override
  public void onExchange(Exchange exchange) {
    for (FeedSubscriber s : subscribers) {
      s.offer(exchange);
    }
  }

  /** False when {@link #MAX_SUBSCRIBERS} pages are already open. */
  synchronized boolean add(FeedSubscriber subscriber) {
    if (subscribers.size() >= MAX_SUBSCRIBERS) {
      return false;
    }
    return subscribers.add(subscriber);
  }

  void remove(FeedSubscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** One exchange a page was too slow to take. */
  void dropped() {
    dropped.incrementAndGet();
  }

  /** Pages open now, and the exchanges dropped for slow pages since the start. */
  JsonObject toJson() {
    return new JsonObject().put("subscribers", subscribers.size()).put("dropped", dropped.get());
  }
}
