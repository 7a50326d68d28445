package dev.integrationsandbox.postcenter;

import java.util.List;

/**
 * One page of the paginated list.
 *
 * @param next the cursor of the following page, or null on the last page
 */
public record TicketPage(List<Ticket> tickets, String next) {}
