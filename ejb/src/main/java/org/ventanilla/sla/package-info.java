/**
 * Service levels: the policies that say how soon a ticket must be answered and resolved, the
 * working-time arithmetic behind its due times, the timer that warns and reports breaches once, and
 * the in-app notifications it leaves for agents.
 */
package org.ventanilla.sla;
