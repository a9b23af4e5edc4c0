package org.ventanilla.ticket.archfixture;

/** Test fixture only: a ticket class that needs no channel. */
public class CleanTicket {}
