/** Pages for admins only (the /admin/ path is restricted to the admin role in web.xml). */
package org.ventanilla.web.admin;
