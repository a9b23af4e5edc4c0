package org.ventanilla.channel.email;

/** The bytes cannot be read as a mail: it goes to quarantine, raw source kept. */
public class MalformedMailException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedMailException(String message) {
    super(message);
  }

  public MalformedMailException(String message, Throwable cause) {
    super(message, cause);
  }
}
