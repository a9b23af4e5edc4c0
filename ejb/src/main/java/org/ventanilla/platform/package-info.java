/**
 * What the application needs from its environment: configuration, the clock, the data directory,
 * schema migrations at start-up, the first admin, and facts about the running server.
 */
package org.ventanilla.platform;
