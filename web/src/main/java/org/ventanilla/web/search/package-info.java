/** The search page behind the header's search box, and the tag chips of a ticket. */
package org.ventanilla.web.search;
