/**
 * The signed-in agent's own settings: the profile page (name, language, time zone, signature,
 * availability, notification choices) and the availability switch in the header.
 */
package org.ventanilla.web.profile;
