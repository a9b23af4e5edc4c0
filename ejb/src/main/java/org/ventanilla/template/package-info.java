/**
 * Canned responses: replies written once and reused, shared by the team or owned by one agent, with
 * {{customer.name}}, {{agent.name}} and {{ticket.number}} filled in for the ticket at hand.
 */
package org.ventanilla.template;
