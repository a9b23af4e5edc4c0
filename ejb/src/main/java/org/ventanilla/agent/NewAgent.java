package org.ventanilla.agent;

/** An admin's request for a new agent; username defaults to the email address. */
public record NewAgent(
    String username, String displayName, String email, String role, String password) {}
