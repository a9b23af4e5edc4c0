package org.ventanilla.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's bcrypt hash, in the table the Elytron jdbc-realm reads. Never leaves the server. */
@Entity
@Table(name = "agent_credential")
public class AgentCredential {

  @Id
  @Column(name = "agent_id")
  private Long agentId;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AgentCredential() {}

  public AgentCredential(Long agentId, String passwordHash, Instant now) {
    this.agentId = agentId;
    this.passwordHash = passwordHash;
    this.updatedAt = now;
  }

  public void replace(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.updatedAt = now;
  }

  @Override
  public String toString() {
    return "AgentCredential[agentId=" + agentId + "]";
  }
}
