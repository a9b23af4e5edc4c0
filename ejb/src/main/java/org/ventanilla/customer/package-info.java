/**
 * The people who write to us. Contacts (email addresses, WhatsApp numbers) are normalised and
 * unique, so one person writing on both channels is one customer.
 */
package org.ventanilla.customer;
