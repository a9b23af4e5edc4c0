/**
 * Support reports: figures over the tickets of a date range, computed by the database with
 * aggregate SQL that runs on H2 and PostgreSQL alike; tickets are never loaded to count them.
 */
package org.ventanilla.report;
