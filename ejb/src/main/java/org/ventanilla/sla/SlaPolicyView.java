package org.ventanilla.sla;

import org.ventanilla.common.Enums;

/** A policy in JSON; {@code businessHours} is null when the clocks run around the clock. */
public record SlaPolicyView(
    long id,
    String name,
    String priority,
    String channel,
    int firstResponseMinutes,
    int resolutionMinutes,
    int warnAtPercent,
    BusinessHoursJson businessHours) {

  static SlaPolicyView of(SlaPolicy p) {
    return new SlaPolicyView(
        p.getId(),
        p.getName(),
        Enums.json(p.getPriority()),
        Enums.json(p.getChannel()),
        p.getFirstResponseMinutes(),
        p.getResolutionMinutes(),
        p.getWarnAtPercent(),
        BusinessHoursJson.of(p.businessHours()));
  }
}
