package org.ventanilla.customer;

/** The kinds of address a customer can be reached at. */
public enum ContactType {
  EMAIL,
  PHONE
}
