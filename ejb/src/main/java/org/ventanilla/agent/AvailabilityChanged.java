package org.ventanilla.agent;

/** An agent's availability changed (fired in the changing transaction). */
public record AvailabilityChanged(String username, Availability availability) {}
