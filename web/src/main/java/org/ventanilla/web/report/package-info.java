/**
 * The reports page: figures, charts and tables over a date range and a channel, and their CSV
 * downloads. Everything is counted by the report services in the database; this package only lays
 * the results out.
 */
package org.ventanilla.web.report;
