package org.ventanilla.channel.email;

/**
 * What one poll needs to know, read in a short transaction before any network I/O. The password is
 * decrypted only for this poll and never printed; with {@code oauth2} there is none (the poll asks
 * {@link OAuthTokens} for an access token).
 */
record PollPlan(
    long channelId,
    String host,
    int port,
    MailSecurity security,
    String username,
    MailAuth auth,
    String password,
    String folder,
    String processedFolder,
    Long uidValidity,
    Long lastUid) {

  /** Where to continue in a folder with this UIDVALIDITY: 0 means from the start. */
  long resumeAfter(long currentUidValidity) {
    if (uidValidity == null || uidValidity != currentUidValidity || lastUid == null) {
      return 0;
    }
    return lastUid;
  }

  @Override
  public String toString() {
    return "PollPlan[channel="
        + channelId
        + ", "
        + username
        + "@"
        + host
        + ":"
        + port
        + "/"
        + folder
        + "]";
  }
}
