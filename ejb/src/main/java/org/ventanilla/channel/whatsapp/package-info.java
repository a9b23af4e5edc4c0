/**
 * WhatsApp as a channel, through Meta's Cloud API: numbers and their sealed tokens, the signed
 * webhook (stored raw, processed asynchronously, idempotent by wamid), media downloads, delivery
 * statuses, replies and approved templates through the outbox, and the 24-hour service window.
 */
package org.ventanilla.channel.whatsapp;
