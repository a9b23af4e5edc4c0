package org.ventanilla.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * The one row of assignment settings; it also counts the turns handed out. Always read with a
 * pessimistic lock when a ticket is handed out, which serialises hand-outs across servers.
 */
@Entity
@Table(name = "assignment_setting")
public class AssignmentSetting {

  static final long ID = 1L;

  @Id private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AssignmentMode mode;

  private Integer capacity;

  @Column(nullable = false)
  private long turns;

  protected AssignmentSetting() {}

  public void change(AssignmentMode newMode, Integer newCapacity) {
    if (newCapacity != null && newCapacity < 1) {
      throw new InvalidInputException("capacity must be at least 1, or null");
    }
    this.mode = Objects.requireNonNull(newMode, "mode");
    this.capacity = newCapacity;
  }

  /** The next turn number, recorded against the agent who takes it. */
  long nextTurn() {
    return ++turns;
  }

  public AssignmentMode getMode() {
    return mode;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public AssignmentSettings view() {
    return new AssignmentSettings(Enums.json(mode), capacity);
  }
}
