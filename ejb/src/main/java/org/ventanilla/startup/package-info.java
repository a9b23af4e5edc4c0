/**
 * Start-up above every capability: the first admin, the demo data, the checks run once the schema
 * is migrated. Kept apart from {@code platform} so configuration stays at the bottom of the graph.
 */
package org.ventanilla.startup;
