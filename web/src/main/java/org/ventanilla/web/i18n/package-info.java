/** The UI's language: resource bundles (es, en), chosen from the browser or by the agent. */
package org.ventanilla.web.i18n;
