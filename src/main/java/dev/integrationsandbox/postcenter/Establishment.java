package dev.integrationsandbox.postcenter;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One PostCenter customer company, the tenant behind an API key, as the fixtures define it: its
 * channels, agents, enabled ticket states, tickets and their conversations. Immutable and shared by
 * every world; a {@link TicketDesk} holds what a world changes.
 *
 * @param states the states this establishment uses; {@code /v2/tickets/state/} answers 404 for the
 *     others, as the vendor documents
 * @param tickets newest first, by id (ObjectIds grow with creation time)
 * @param messages each ticket's conversation, newest first, by ticket id
 */
public record Establishment(
    String id,
    String name,
    String apiKey,
    Set<TicketState> states,
    List<Account> accounts,
    List<Agent> agents,
    List<Ticket> tickets,
    Map<String, List<Message>> messages) {

  /** Newest first: ObjectIds in lower-case hex sort as their creation time does. */
  public static final Comparator<Ticket> NEWEST_FIRST = Comparator.comparing(Ticket::id).reversed();

  public Establishment {
    states = Set.copyOf(states);
    accounts = List.copyOf(accounts);
    agents = List.copyOf(agents);
    tickets = tickets.stream().sorted(NEWEST_FIRST).toList();
    messages = Map.copyOf(messages);
  }

  public Optional<Account> account(String socialNetwork, String uid) {
    return accounts.stream()
        .filter(a -> a.socialNetwork().equals(socialNetwork) && a.uid().equals(uid))
        .findFirst();
  }

  public boolean hasChannel(String socialNetwork) {
    return accounts.stream().anyMatch(a -> a.socialNetwork().equals(socialNetwork));
  }

  public List<Message> messagesOf(String ticketId) {
    return messages.getOrDefault(ticketId, List.of());
  }
}
