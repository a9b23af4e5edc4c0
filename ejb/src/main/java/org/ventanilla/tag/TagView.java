package org.ventanilla.tag;

import java.io.Serializable;

/** A tag as the API shows it, with how many tickets carry it. */
public record TagView(long id, String name, String colour, long tickets) implements Serializable {}
