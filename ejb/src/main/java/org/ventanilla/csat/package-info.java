/**
 * Customer satisfaction (CSAT): when a ticket is resolved the customer is asked once how it went,
 * by a single-use link to a public survey page (mail) or by buttons (WhatsApp, through the {@link
 * org.ventanilla.csat.SurveyInvitation} port a channel implements). The answer is kept on the
 * ticket; {@link org.ventanilla.csat.CsatAnswered} tells observers (rules) about it.
 */
package org.ventanilla.csat;
