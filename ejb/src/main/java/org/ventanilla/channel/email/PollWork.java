package org.ventanilla.channel.email;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.common.Backoff;

/** The short transactions around a poll: take the mailbox, and record how the poll went. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PollWork {

  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  @PersistenceContext private EntityManager em;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  /**
   * Takes the mailbox for a poll by {@code owner}, unless another poll holds it or (when not
   * forced) a recent failure asks to wait a little longer.
   */
  public Optional<PollPlan> begin(long channelId, String owner, boolean force) {
    EmailChannel channel = em.find(EmailChannel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (channel == null
        || !channel.isActive()
        || channel.isDeleted()
        || !channel.isComplete()
        || !channel.canSignInToImap()) {
      return Optional.empty();
    }
    if (!force && inBackoff(channel, now)) {
      return Optional.empty();
    }
    if (!channel.tryLockPoll(owner, now, EmailIngest.POLL_HOLD)) {
      return Optional.empty();
    }
    return Optional.of(
        new PollPlan(
            channelId,
            channel.getImapHost(),
            channel.getImapPort(),
            channel.getImapSecurity(),
            channel.getImapUsername(),
            channel.getImapAuth(),
            channel.getImapAuth() == MailAuth.OAUTH2
                ? null
                : secrets.decrypt(channel.getImapPasswordSealed()),
            channel.getImapFolder(),
            channel.getProcessedFolder(),
            channel.getUidValidity(),
            channel.getLastUid()));
  }

  /** After failures, polls space out: the interval doubles per failure, up to 15 minutes. */
  static boolean inBackoff(EmailChannel channel, Instant now) {
    int failures = channel.getConsecutiveFailures();
    if (failures == 0 || channel.getLastErrorAt() == null) {
      return false;
    }
    Duration wait =
        new Backoff(Duration.ofSeconds(channel.getPollSeconds()), MAX_BACKOFF).delay(failures - 1);
    return now.isBefore(channel.getLastErrorAt().plus(wait));
  }

  public void succeeded(long channelId, String owner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.recordSuccess(clock.instant());
      channel.unlockPoll(owner);
    }
  }

  public void failed(long channelId, String owner, String error) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.recordFailure(clock.instant(), error);
      channel.unlockPoll(owner);
    }
  }
}
