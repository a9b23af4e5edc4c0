/**
 * What the application needs from its environment: configuration, the clock, the data directory,
 * schema migrations and facts about the running server. The bottom of the graph beside {@code
 * common}: every capability may use it and it uses none of them (start-up work that needs the
 * capabilities lives in {@code org.ventanilla.startup}).
 */
package org.ventanilla.platform;
