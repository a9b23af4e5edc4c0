/** The agents' pages: the inbox list and the ticket workspace. */
package org.ventanilla.web.inbox;
