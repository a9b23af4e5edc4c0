package org.ventanilla.automation;

/** The assignment settings as the API shows them: {@code {"mode":"balanced","capacity":5}}. */
public record AssignmentSettings(String mode, Integer capacity) {}
