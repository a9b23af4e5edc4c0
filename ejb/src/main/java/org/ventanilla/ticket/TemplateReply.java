package org.ventanilla.ticket;

import java.util.List;

/** An agent's choice of a channel's template for a reply (WhatsApp, outside the 24-hour window). */
public record TemplateReply(String name, String language, List<String> parameters) {}
