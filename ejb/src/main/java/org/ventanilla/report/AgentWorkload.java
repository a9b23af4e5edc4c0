package org.ventanilla.report;

import java.io.Serializable;

/**
 * One agent's load and pace: open tickets assigned now, tickets resolved in the period (assigned to
 * them), and the first response time in minutes (average and median) of the tickets created in the
 * period, assigned to them and answered. Times are null when none was answered.
 */
public record AgentWorkload(
    String username,
    String displayName,
    boolean active,
    long openAssigned,
    long resolved,
    long answered,
    Double firstResponseAvgMinutes,
    Double firstResponseMedianMinutes)
    implements Serializable {}
