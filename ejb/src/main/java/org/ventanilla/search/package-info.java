/**
 * One search box over tickets (number, subject, message text) and customers (name, email, phone),
 * accent- and case-insensitive. The database does the matching and ranking (full-text and trigram
 * indexes on PostgreSQL, LIKE over folded generated columns on H2); Java only builds the highlight
 * of the few rows of the page.
 */
package org.ventanilla.search;
