package org.ventanilla.common;

/** How a ticket's customer writes to us, and so how our replies travel back. */
public enum ChannelType {
  EMAIL,
  WHATSAPP
}
