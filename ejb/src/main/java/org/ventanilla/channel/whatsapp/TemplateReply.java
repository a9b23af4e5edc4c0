package org.ventanilla.channel.whatsapp;

import java.util.List;

/** An agent's choice of template for a reply outside the 24-hour window. */
public record TemplateReply(String name, String language, List<String> parameters) {}
