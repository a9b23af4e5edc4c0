/**
 * Email as a channel: mailboxes polled over IMAP by EJB timers, mail parsed and threaded into
 * tickets, replies sent over SMTP through the outbox.
 */
package org.ventanilla.channel.email;
