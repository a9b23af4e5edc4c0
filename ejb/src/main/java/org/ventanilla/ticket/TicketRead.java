package org.ventanilla.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** How far one agent has read one ticket: messages after this one are unread for that agent. */
@Entity
@Table(name = "ticket_read")
@IdClass(TicketRead.Key.class)
public class TicketRead {

  /** The composite key: one row per agent and ticket. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long agentId;
    private Long ticketId;

    public Key() {}

    public Key(Long agentId, Long ticketId) {
      this.agentId = agentId;
      this.ticketId = ticketId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(agentId, k.agentId)
          && java.util.Objects.equals(ticketId, k.ticketId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(agentId, ticketId);
    }
  }

  @Id
  @Column(name = "agent_id")
  private Long agentId;

  @Id
  @Column(name = "ticket_id")
  private Long ticketId;

  @Column(name = "last_seen_message_id", nullable = false)
  private long lastSeenMessageId;

  protected TicketRead() {}

  TicketRead(long agentId, long ticketId, long lastSeenMessageId) {
    this.agentId = agentId;
    this.ticketId = ticketId;
    this.lastSeenMessageId = lastSeenMessageId;
  }

  /** Moves forward only: an old tab reporting late never marks newer messages unread again. */
  void seen(long messageId) {
    lastSeenMessageId = Math.max(lastSeenMessageId, messageId);
  }
}
