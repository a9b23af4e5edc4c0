/** The public satisfaction survey page a customer opens from the invitation's link. */
package org.ventanilla.web.csat;
