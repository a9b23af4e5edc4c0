/**
 * Tickets and their conversations: the status machine, messages (inbound, outbound, internal
 * notes), attachments and the append-only activity log.
 */
package org.ventanilla.ticket;
