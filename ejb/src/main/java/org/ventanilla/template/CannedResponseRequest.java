package org.ventanilla.template;

/** A new or changed canned response; {@code shared} only admins may set. */
public record CannedResponseRequest(String name, String shortcut, String body, boolean shared) {}
