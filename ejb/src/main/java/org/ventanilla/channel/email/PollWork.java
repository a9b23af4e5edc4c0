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

  /**
   * How long an IDLE connection's lock lasts unless renewed (every 30 s while it lives): a server
   * that dies idling frees its mailboxes for the others within this.
   */
  static final Duration IDLE_HOLD = Duration.ofSeconds(90);

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
    if (!channel.tryLockPoll(owner, now, hold(channel, owner))) {
      return Optional.empty();
    }
    return Optional.of(plan(channel));
  }

  /**
   * Takes the mailbox for an IDLE connection of {@code owner} (kept for {@link #IDLE_HOLD}, renewed
   * while the connection lives), unless it is paused, left to polling by its admin, backing off or
   * held by someone else.
   */
  public Optional<PollPlan> beginIdle(long channelId, String owner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (channel == null
        || !channel.isActive()
        || channel.isDeleted()
        || !channel.isComplete()
        || !channel.canSignInToImap()
        || !channel.wantsIdle()
        || inBackoff(channel, now)
        || !channel.tryLockPoll(owner, now, IDLE_HOLD)) {
      return Optional.empty();
    }
    channel.idling(true);
    return Optional.of(plan(channel));
  }

  /**
   * Until when another holder keeps the mailbox (a poll, or another server's IDLE connection): when
   * a server that held it dies, the others try again at that instant instead of at their next tick.
   * Empty when nobody holds it.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Instant> heldUntil(long channelId) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    Instant now = clock.instant();
    return Optional.ofNullable(channel)
        .map(EmailChannel::pollLockUntil)
        .filter(until -> until.isAfter(now));
  }

  /** Keeps an IDLE connection's lock; false when the mailbox is no longer its own. */
  public boolean keepIdling(long channelId, String owner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
    return channel != null
        && channel.isActive()
        && !channel.isDeleted()
        && channel.canSignInToImap()
        && channel.wantsIdle()
        && channel.renewPollLock(owner, clock.instant(), IDLE_HOLD);
  }

  /** The IDLE connection is closed: polls take over. */
  public void endIdle(long channelId, String owner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
    if (channel != null && channel.renewPollLock(owner, clock.instant(), IDLE_HOLD)) {
      channel.idling(false);
      channel.unlockPoll(owner);
    }
  }

  /** How long a poll by {@code owner} keeps the mailbox (see {@link EmailChannel#idlingAs}). */
  static Duration hold(EmailChannel channel, String owner) {
    return channel.idlingAs(owner) ? IDLE_HOLD : EmailIngest.POLL_HOLD;
  }

  private PollPlan plan(EmailChannel channel) {
    long channelId = channel.getId();
    return new PollPlan(
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
        channel.getLastUid());
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
    succeeded(channelId, owner, false);
  }

  /** {@code idling}: the poll ran for an IDLE connection, which keeps the lock. */
  public void succeeded(long channelId, String owner, boolean idling) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.recordSuccess(clock.instant());
      release(channel, owner, idling);
    }
  }

  public void failed(long channelId, String owner, String error) {
    failed(channelId, owner, error, false);
  }

  public void failed(long channelId, String owner, String error, boolean idling) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.recordFailure(clock.instant(), error);
      release(channel, owner, idling);
    }
  }

  private void release(EmailChannel channel, String owner, boolean idling) {
    if (idling) {
      channel.renewPollLock(owner, clock.instant(), IDLE_HOLD);
    } else {
      channel.unlockPoll(owner);
    }
  }
}
