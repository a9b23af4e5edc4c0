package org.ventanilla.web.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has a ticket open and who is writing on it right now, so two agents do not answer the same
 * customer twice. Kept in memory only: a page reports every few seconds, and whoever stops
 * reporting (closed tab, lost network) drops out after {@link #VIEWING_EXPIRY}.
 */
@ApplicationScoped
public class PresenceRegistry {

  static final Duration VIEWING_EXPIRY = Duration.ofSeconds(10);
  static final Duration TYPING_EXPIRY = Duration.ofSeconds(5);

  /** One agent on one ticket, as the workspace shows it. */
  public record Presence(String username, String name, boolean typing) {}

  private record Entry(String name, Instant seenAt, Instant typedAt) {}

  private final Map<Long, Map<String, Entry>> byTicket = new ConcurrentHashMap<>();

  @Inject Clock clock;

  /** The page's heartbeat: the agent still has the ticket open. */
  public void viewing(long ticketId, String username, String name) {
    Instant now = clock.instant();
    byTicket
        .computeIfAbsent(ticketId, id -> new ConcurrentHashMap<>())
        .merge(
            username,
            new Entry(name, now, Instant.MIN),
            (old, fresh) -> new Entry(name, now, old.typedAt()));
  }

  /** The composer's signal: the agent is writing a reply or a note. */
  public void typing(long ticketId, String username, String name) {
    Instant now = clock.instant();
    byTicket
        .computeIfAbsent(ticketId, id -> new ConcurrentHashMap<>())
        .put(username, new Entry(name, now, now));
  }

  /** The agent left the ticket (sent the reply, navigated away). */
  public void left(long ticketId, String username) {
    Map<String, Entry> agents = byTicket.get(ticketId);
    if (agents != null) {
      agents.remove(username);
    }
  }

  /** Everyone else on the ticket, writers first; expired entries are dropped on the way. */
  public List<Presence> others(long ticketId, String username) {
    Map<String, Entry> agents = byTicket.get(ticketId);
    if (agents == null) {
      return List.of();
    }
    Instant now = clock.instant();
    agents.values().removeIf(e -> e.seenAt().plus(VIEWING_EXPIRY).isBefore(now));
    return agents.entrySet().stream()
        .filter(e -> !e.getKey().equals(username))
        .map(
            e ->
                new Presence(
                    e.getKey(),
                    e.getValue().name(),
                    !e.getValue().typedAt().plus(TYPING_EXPIRY).isBefore(now)))
        .sorted(Comparator.comparing(Presence::typing).reversed().thenComparing(Presence::name))
        .toList();
  }
}
