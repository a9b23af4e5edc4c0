package org.ventanilla.sla;

/**
 * A policy as an admin sends it. On update, absent (null) fields stay as they are; {@code
 * "channel":""} widens the policy to every channel and {@code "businessHours":{}} makes the clocks
 * run around the clock.
 */
public record SlaPolicyRequest(
    String name,
    String priority,
    String channel,
    Integer firstResponseMinutes,
    Integer resolutionMinutes,
    Integer warnAtPercent,
    BusinessHoursJson businessHours) {}
