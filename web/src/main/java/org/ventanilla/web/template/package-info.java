/** The canned-responses page: agents keep their own replies, admins the team's shared ones. */
package org.ventanilla.web.template;
