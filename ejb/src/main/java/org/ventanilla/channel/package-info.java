/** The ways customers reach us (email, WhatsApp); each channel adapter lives in a sub-package. */
package org.ventanilla.channel;
