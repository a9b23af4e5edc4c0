package org.ventanilla.channel.email;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One poll of one mailbox: incremental by IMAP UID, reading with BODY.PEEK, never trusting the
 * \Seen flag (a mail read in another client must still arrive). Each mail is stored in its own
 * transaction and only then marked seen (or moved), so a crash re-reads at most that mail, and the
 * Message-ID keeps the re-read from duplicating it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxPoller {

  private static final Logger LOG = Logger.getLogger(MailboxPoller.class.getName());

  /** Mail larger than this is not downloaded; its headers land with a note. */
  static final int MAX_RAW_BYTES = 40 * 1024 * 1024;

  private final String owner = System.getProperty("jboss.node.name", "ventanilla");

  @Inject PollWork work;
  @Inject EmailIngest ingest;

  /** What one poll did. */
  public record PollResult(boolean ran, int fetched, int stored, String error) {
    static PollResult skipped() {
      return new PollResult(false, 0, 0, null);
    }
  }

  public PollResult poll(long channelId, boolean force) {
    Optional<PollPlan> plan;
    try {
      plan = work.begin(channelId, owner, force);
    } catch (EJBException e) {
      LOG.log(Level.WARNING, "Cannot start a poll of channel " + channelId + ": " + rootMessage(e));
      return new PollResult(false, 0, 0, rootMessage(e));
    }
    if (plan.isEmpty()) {
      return PollResult.skipped();
    }
    int fetched = 0;
    int stored = 0;
    Store store = null;
    Folder folder = null;
    try {
      PollPlan p = plan.get();
      store = MailSessions.imap(p.security()).getStore(MailSessions.imapProtocol(p.security()));
      store.connect(p.host(), p.port(), p.username(), p.password());
      folder = store.getFolder(p.folder());
      folder.open(Folder.READ_WRITE);
      UIDFolder uids = (UIDFolder) folder;
      long uidValidity = uids.getUIDValidity();
      long after = p.resumeAfter(uidValidity);
      Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.MAXUID);
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.SIZE);
      folder.fetch(messages, profile);
      Folder processed = processedFolder(store, p.processedFolder());
      for (Message message : messages) {
        long uid = uids.getUID(message);
        if (uid <= after) {
          continue; // IMAP answers "n:*" with the last mail even when n is past it
        }
        byte[] raw = raw(message);
        fetched++;
        EmailIngest.Outcome outcome;
        try {
          outcome = ingest.ingest(channelId, uidValidity, uid, raw, owner);
        } catch (EJBException e) {
          // Not the mail's fault alone? If the database is away this fails too and ends the poll.
          outcome =
              ingest.quarantine(
                  channelId,
                  uidValidity,
                  uid,
                  raw,
                  "Could not be stored: " + rootMessage(e),
                  owner);
        }
        if (outcome.createdMessage()) {
          stored++;
        }
        markProcessed(folder, processed, message);
      }
      closeQuietly(folder, processed != null);
      folder = null;
      work.succeeded(channelId, owner);
      return new PollResult(true, fetched, stored, null);
    } catch (MessagingException | RuntimeException e) {
      String error = describe(e);
      LOG.warning(() -> "Poll of channel " + channelId + " failed: " + error);
      try {
        work.failed(channelId, owner, error);
      } catch (RuntimeException dbDown) {
        LOG.warning(() -> "Could not record the failed poll: " + rootMessage(dbDown));
      }
      return new PollResult(true, fetched, stored, error);
    } finally {
      closeQuietly(folder, false);
      if (store != null) {
        try {
          store.close();
        } catch (MessagingException ignored) {
          // the connection is gone either way
        }
      }
    }
  }

  /** The whole mail, read with BODY.PEEK; for a giant only its headers and a note. */
  private static byte[] raw(Message message) throws MessagingException {
    try {
      if (message.getSize() > MAX_RAW_BYTES) {
        StringBuilder headers = new StringBuilder();
        Enumeration<String> lines =
            message instanceof jakarta.mail.internet.MimeMessage mime
                ? mime.getAllHeaderLines()
                : java.util.Collections.emptyEnumeration();
        while (lines.hasMoreElements()) {
          String line = lines.nextElement();
          if (!line.regionMatches(true, 0, "Content-", 0, 8)) {
            headers.append(line).append("\r\n");
          }
        }
        headers
            .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
            .append("[This mail is ")
            .append(message.getSize() / (1024 * 1024))
            .append(" MB, over the ")
            .append(MAX_RAW_BYTES / (1024 * 1024))
            .append(" MB limit: only its headers were fetched. It is still in the mailbox.]\r\n");
        return headers.toString().getBytes(StandardCharsets.UTF_8);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
      message.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new MessagingException("Cannot read a mail: " + e.getMessage(), e);
    }
  }

  private static Folder processedFolder(Store store, String name) throws MessagingException {
    if (name == null) {
      return null;
    }
    Folder folder = store.getFolder(name);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    return folder;
  }

  /** Only after the mail is stored: moved to the processed folder, or at least marked seen. */
  private static void markProcessed(Folder folder, Folder processed, Message message) {
    try {
      if (processed != null) {
        folder.copyMessages(new Message[] {message}, processed);
        message.setFlag(Flags.Flag.DELETED, true);
      } else {
        message.setFlag(Flags.Flag.SEEN, true);
      }
    } catch (MessagingException e) {
      // Stored already: the reading position is past it, so nothing is lost or read twice.
      LOG.fine(() -> "Could not mark a processed mail: " + e.getMessage());
    }
  }

  private static void closeQuietly(Folder folder, boolean expunge) {
    if (folder != null && folder.isOpen()) {
      try {
        folder.close(expunge);
      } catch (MessagingException ignored) {
        // closing a broken connection
      }
    }
  }

  static String describe(Exception e) {
    if (e instanceof AuthenticationFailedException) {
      return "Authentication failed: check the username and password";
    }
    String message = rootMessage(e);
    return e.getClass().getSimpleName() + ": " + message;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return (root == e ? "" : root.getClass().getSimpleName() + ": ")
        + (message == null ? "" : message);
  }
}
