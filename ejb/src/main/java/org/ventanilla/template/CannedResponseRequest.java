package org.ventanilla.template;

import jakarta.json.JsonObject;

/**
 * A new or changed canned response; {@code shared} only admins may set. {@code interactive}: Meta's
 * interactive object (reply buttons or a list) a WhatsApp reply from it carries, its body the
 * response's text; null for none (in an update: keeps it; {} removes it).
 */
public record CannedResponseRequest(
    String name, String shortcut, String body, boolean shared, JsonObject interactive) {}
