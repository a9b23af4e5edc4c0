package org.ventanilla.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.SlaClockKind;
import org.ventanilla.ticket.SlaDeadline;
import org.ventanilla.ticket.SlaTerms;

/**
 * How soon tickets of one priority (optionally on one channel) must be answered and resolved, and
 * when to warn before that. The clocks run on the business hours, or around the clock without them.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
  @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  private ChannelType channel;

  @Column(name = "first_response_minutes", nullable = false)
  private int firstResponseMinutes;

  @Column(name = "resolution_minutes", nullable = false)
  private int resolutionMinutes;

  @Column(name = "warn_at_percent", nullable = false)
  private int warnAtPercent;

  @Column(name = "time_zone")
  private String timeZone;

  @Column(name = "weekly_hours")
  private String weeklyHours;

  @Column(name = "holidays")
  private String holidays;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected SlaPolicy() {}

  public SlaPolicy(
      String name,
      Priority priority,
      ChannelType channel,
      int firstResponseMinutes,
      int resolutionMinutes,
      int warnAtPercent,
      BusinessHours hours,
      Instant now) {
    rename(name);
    this.priority = priority;
    this.channel = channel;
    changeTargets(firstResponseMinutes, resolutionMinutes, warnAtPercent);
    changeBusinessHours(hours);
    this.createdAt = now;
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.strip().length() > 200) {
      throw new InvalidInputException("name is required (at most 200 characters)");
    }
    this.name = newName.strip();
  }

  public void changeScope(Priority newPriority, ChannelType newChannel) {
    this.priority = newPriority;
    this.channel = newChannel;
  }

  public void changeTargets(int firstResponse, int resolution, int warnPercent) {
    if (firstResponse < 1 || resolution < 1) {
      throw new InvalidInputException(
          "invalid_sla", "firstResponseMinutes and resolutionMinutes must be at least 1");
    }
    if (warnPercent < 1 || warnPercent > 99) {
      throw new InvalidInputException("invalid_sla", "warnAtPercent must be between 1 and 99");
    }
    this.firstResponseMinutes = firstResponse;
    this.resolutionMinutes = resolution;
    this.warnAtPercent = warnPercent;
  }

  /** {@link BusinessHours#ALWAYS} (or null) for clocks that run around the clock. */
  public void changeBusinessHours(BusinessHours hours) {
    if (hours == null || hours.isAlways()) {
      timeZone = null;
      weeklyHours = null;
      holidays = null;
    } else {
      timeZone = hours.zone().getId();
      weeklyHours = hours.weeklyText();
      holidays = hours.holidaysText();
    }
  }

  public BusinessHours businessHours() {
    return timeZone == null
        ? BusinessHours.ALWAYS
        : BusinessHours.parse(timeZone, weeklyHours, holidays);
  }

  /** The deadlines of this policy, as a ticket asks for them. */
  public SlaTerms terms() {
    BusinessHours hours = businessHours();
    return (clock, start) -> Optional.of(deadline(hours, clock, start));
  }

  private SlaDeadline deadline(BusinessHours hours, SlaClockKind clock, Instant start) {
    long minutes = clock == SlaClockKind.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
    Duration target = Duration.ofMinutes(minutes);
    Duration warning = Duration.ofSeconds(minutes * 60 * warnAtPercent / 100);
    return new SlaDeadline(hours.plus(start, warning), hours.plus(start, target));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Priority getPriority() {
    return priority;
  }

  public ChannelType getChannel() {
    return channel;
  }

  public int getFirstResponseMinutes() {
    return firstResponseMinutes;
  }

  public int getResolutionMinutes() {
    return resolutionMinutes;
  }

  public int getWarnAtPercent() {
    return warnAtPercent;
  }
}
