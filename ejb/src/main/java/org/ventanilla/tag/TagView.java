package org.ventanilla.tag;

/** A tag as the API shows it, with how many tickets carry it. */
public record TagView(long id, String name, String colour, long tickets) {}
