package org.ventanilla.web.inbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Who has a ticket open and who is writing on it right now, so two agents do not answer the same
 * customer twice. A page reports every few seconds, and whoever stops reporting (closed tab, lost
 * network) drops out after {@link #VIEWING_EXPIRY}.
 *
 * <p>Kept in WildFly's Infinispan cache {@code ventanilla/presence}
 * (server-config/cli/presence.cli): local on one server, replicated on a cluster (cluster.cli), so
 * an agent on one node sees those on the others. One entry per agent and ticket, holding only
 * strings, so any node reads what another wrote without knowing this application's classes; its
 * time stamps, not the cache's expiry, say whether it is still fresh.
 */
@ApplicationScoped
public class PresenceRegistry {

  static final Duration VIEWING_EXPIRY = Duration.ofSeconds(10);
  static final Duration TYPING_EXPIRY = Duration.ofSeconds(5);

  /** One agent on one ticket, as the workspace shows it. */
  public record Presence(String username, String name, boolean typing) {}

  /** An entry's value: {@code seenAtMillis typedAtMillis name}. */
  private record Entry(String name, Instant seenAt, Instant typedAt) {
    private static final Instant NEVER = Instant.EPOCH;

    String encode() {
      return seenAt.toEpochMilli() + " " + typedAt.toEpochMilli() + " " + name;
    }

    static Entry decode(String value) {
      String[] parts = value.split(" ", 3);
      return new Entry(
          parts.length > 2 ? parts[2] : "",
          Instant.ofEpochMilli(Long.parseLong(parts[0])),
          Instant.ofEpochMilli(Long.parseLong(parts[1])));
    }
  }

  /** {@code ticketId/username} to an encoded {@link Entry}; a plain map in unit tests. */
  @Resource(lookup = "java:jboss/infinispan/cache/ventanilla/presence")
  ConcurrentMap<String, String> entries = new ConcurrentHashMap<>();

  @Inject Clock clock;

  /** The page's heartbeat: the agent still has the ticket open. */
  public void viewing(long ticketId, String username, String name) {
    Instant now = clock.instant();
    String key = key(ticketId, username);
    String old = entries.get(key);
    Instant typedAt = old == null ? Entry.NEVER : Entry.decode(old).typedAt();
    entries.put(key, new Entry(name, now, typedAt).encode());
  }

  /** The composer's signal: the agent is writing a reply or a note. */
  public void typing(long ticketId, String username, String name) {
    Instant now = clock.instant();
    entries.put(key(ticketId, username), new Entry(name, now, now).encode());
  }

  /** The agent left the ticket (sent the reply, navigated away). */
  public void left(long ticketId, String username) {
    entries.remove(key(ticketId, username));
  }

  /** Everyone else on the ticket, writers first; expired entries are dropped on the way. */
  public List<Presence> others(long ticketId, String username) {
    String prefix = ticketId + "/";
    Instant now = clock.instant();
    List<Presence> others = new ArrayList<>();
    for (Map.Entry<String, String> e : List.copyOf(entries.entrySet())) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      Entry entry = Entry.decode(e.getValue());
      if (entry.seenAt().plus(VIEWING_EXPIRY).isBefore(now)) {
        entries.remove(e.getKey(), e.getValue());
        continue;
      }
      String who = e.getKey().substring(prefix.length());
      if (!who.equals(username)) {
        others.add(
            new Presence(who, entry.name(), !entry.typedAt().plus(TYPING_EXPIRY).isBefore(now)));
      }
    }
    others.sort(Comparator.comparing(Presence::typing).reversed().thenComparing(Presence::name));
    return others;
  }

  private static String key(long ticketId, String username) {
    return ticketId + "/" + username;
  }
}
