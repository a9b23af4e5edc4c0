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

  /** Mails fetched per IMAP command. */
  static final int BATCH = 50;

  /**
   * This server's name: a poll's owner is "node:uuid", so that a server restarting under the same
   * name can tell its dead polls' locks (see {@link MailPollScheduler}).
   */
  static String node() {
    return System.getProperty("jboss.node.name", "ventanilla");
  }

  @Inject PollWork work;
  @Inject EmailIngest ingest;

  /** What one poll did. */
  public record PollResult(boolean ran, int fetched, int stored, String error) {
    static PollResult skipped() {
      return new PollResult(false, 0, 0, null);
    }
  }

  public PollResult poll(long channelId, boolean force) {
    // One owner per poll, not per server: a forced poll and a timer poll on one server exclude
    // each other just as polls on two servers do.
    String owner = node() + ":" + java.util.UUID.randomUUID();
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
      // Whole mails come in batches, one IMAP command each; flags go back per batch too.
      for (int from = 0; from < messages.length; from += BATCH) {
        Message[] batch =
            java.util.Arrays.copyOfRange(messages, from, Math.min(from + BATCH, messages.length));
        prefetch(folder, batch);
        java.util.List<Message> done = new java.util.ArrayList<>(batch.length);
        java.util.List<EmailIngest.Fetched> fetchedMails = new java.util.ArrayList<>(batch.length);
        for (Message message : batch) {
          long uid = uids.getUID(message);
          if (uid <= after) {
            continue; // IMAP answers "n:*" with the last mail even when n is past it
          }
          fetchedMails.add(new EmailIngest.Fetched(uid, raw(message)));
          fetched++;
          done.add(message);
        }
        for (EmailIngest.Outcome outcome : store(channelId, uidValidity, fetchedMails, owner)) {
          if (outcome.createdMessage()) {
            stored++;
          }
        }
        markProcessed(folder, processed, done.toArray(Message[]::new));
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

  /**
   * Stores a batch of mails in one transaction; when it fails for anything but a passing database
   * problem, one by one, so that only the mail at fault is put aside.
   */
  private java.util.List<EmailIngest.Outcome> store(
      long channelId, long uidValidity, java.util.List<EmailIngest.Fetched> mails, String owner) {
    if (mails.isEmpty()) {
      return java.util.List.of();
    }
    if (mails.size() > 1) {
      try {
        return ingest.ingestBatch(channelId, uidValidity, mails, owner);
      } catch (EJBException e) {
        if (isTransient(e)) {
          throw e;
        }
        LOG.info(
            () ->
                "A batch of "
                    + mails.size()
                    + " mails of channel "
                    + channelId
                    + " failed, filing them one by one: "
                    + rootMessage(e));
      }
    }
    java.util.List<EmailIngest.Outcome> outcomes = new java.util.ArrayList<>(mails.size());
    for (EmailIngest.Fetched mail : mails) {
      outcomes.add(store(channelId, uidValidity, mail.uid(), mail.raw(), owner));
    }
    return outcomes;
  }

  /**
   * Stores one mail. A failure the database may recover from (a lost connection, a concurrent edit)
   * ends the poll and leaves the mail for the next one; a failure that repeats with the same mail
   * puts it in quarantine, so it cannot block the mails after it.
   */
  private EmailIngest.Outcome store(
      long channelId, long uidValidity, long uid, byte[] raw, String owner) {
    EJBException last = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        return ingest.ingest(channelId, uidValidity, uid, raw, owner);
      } catch (EJBException e) {
        if (isTransient(e)) {
          throw e;
        }
        last = e;
      }
    }
    return ingest.quarantine(
        channelId, uidValidity, uid, raw, "Could not be stored: " + rootMessage(last), owner);
  }

  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof java.sql.SQLTransientException
          || t instanceof java.sql.SQLRecoverableException
          || t instanceof java.net.ConnectException
          || (t instanceof java.sql.SQLException sql
              && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")))
          || t.getClass().getName().endsWith("ResourceException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Fetches whole mails (with BODY.PEEK) for a batch, except the giants. */
  private static void prefetch(Folder folder, Message[] batch) throws MessagingException {
    Message[] small =
        java.util.Arrays.stream(batch)
            .filter(
                m -> {
                  try {
                    return m.getSize() <= MAX_RAW_BYTES;
                  } catch (MessagingException e) {
                    return false;
                  }
                })
            .toArray(Message[]::new);
    FetchProfile whole = new FetchProfile();
    whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
    folder.fetch(small, whole);
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

  /** Only after the mails are stored: moved to the processed folder, or at least marked seen. */
  private static void markProcessed(Folder folder, Folder processed, Message[] messages) {
    if (messages.length == 0) {
      return;
    }
    try {
      if (processed != null) {
        folder.copyMessages(messages, processed);
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
      } else {
        folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
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
