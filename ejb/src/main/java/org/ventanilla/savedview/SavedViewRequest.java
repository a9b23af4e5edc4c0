package org.ventanilla.savedview;

/**
 * What a client sends to create or change a view; absent fields stay as they are. {@code sla} is
 * {@code breaching} or absent.
 */
public record SavedViewRequest(
    String name,
    Boolean shared,
    String status,
    String channel,
    String assignee,
    String priority,
    String tag,
    String text,
    String sla) {}
