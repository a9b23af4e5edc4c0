package org.ventanilla.channel.email;

import java.io.Serializable;

/** The outcome of trying a mailbox's servers: null errors mean the connection worked. */
public record ConnectionTest(boolean imapOk, String imapError, boolean smtpOk, String smtpError)
    implements Serializable {}
