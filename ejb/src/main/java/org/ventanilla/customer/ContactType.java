package org.ventanilla.customer;

/** The kinds of address a customer can be reached at. */
public enum ContactType {
  EMAIL,
  PHONE,
  /** A WhatsApp business-scoped user id (BSUID, e.g. {@code US.13491208655302741918}). */
  WHATSAPP_USER
}
