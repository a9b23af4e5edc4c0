package org.ventanilla.channel.whatsapp;

/** An approved template as an admin registers it: {{1}}..{{n}} in text, n = parameterCount. */
public record WhatsAppTemplateRequest(
    String name, String language, Integer parameterCount, String text) {}
