/**
 * The REST API under /api/v1: JSON-B over the EJB services, HTTP Basic for callers, errors as
 * {"error","message"} JSON mapped once here.
 */
package org.ventanilla.web.api;
