package org.ventanilla.web.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Tells a directory that is down from a wrong password. With the LDAP realm, a sign-in while the
 * directory is unreachable fails just like a wrong password would; the throttle must not count it
 * and the user must be told to try again shortly. The realm's URL comes from the system property
 * {@value #PROPERTY}, which {@code security-ldap.cli} sets (and the other realm scripts remove).
 * Reachability is a TCP connection to any of the directory's servers, remembered for a moment so a
 * burst of sign-ins costs one probe.
 */
final class DirectoryProbe {

  static final String PROPERTY = "ventanilla.directory.url";
  private static final Logger LOG = Logger.getLogger(DirectoryProbe.class.getName());
  private static final Duration REMEMBER = Duration.ofSeconds(2);
  private static final int CONNECT_TIMEOUT_MS = 1500;

  private final List<InetSocketAddress> servers;
  private final String names;
  private final Clock clock;
  private volatile Instant checkedAt = Instant.MIN;
  private volatile boolean reachable = true;

  DirectoryProbe(String urls, Clock clock) {
    this.servers = parse(urls);
    this.names =
        String.join(" ", servers.stream().map(s -> s.getHostString() + ":" + s.getPort()).toList());
    this.clock = clock;
  }

  static DirectoryProbe fromSystemProperty(Clock clock) {
    return new DirectoryProbe(System.getProperty(PROPERTY), clock);
  }

  /** Whether sign-ins go to a directory at all (false for the jdbc and filesystem realms). */
  boolean configured() {
    return !servers.isEmpty();
  }

  /** True when no directory is used, or one of its servers accepts connections. */
  boolean reachable() {
    if (servers.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    if (checkedAt.plus(REMEMBER).isAfter(now)) {
      return reachable;
    }
    synchronized (this) {
      if (checkedAt.plus(REMEMBER).isAfter(clock.instant())) {
        return reachable;
      }
      boolean up = servers.stream().anyMatch(DirectoryProbe::accepts);
      if (reachable && !up) {
        LOG.warning(
            "The directory "
                + names
                + " is unreachable: sign-ins are refused as unavailable (not counted as wrong"
                + " passwords) until it answers again");
      } else if (!reachable && up) {
        LOG.info("The directory " + names + " answers again: sign-ins resume");
      }
      reachable = up;
      checkedAt = clock.instant();
      return up;
    }
  }

  private static boolean accepts(InetSocketAddress server) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(server.getHostString(), server.getPort()), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Elytron's dir-context takes one URL or several separated by spaces. */
  static List<InetSocketAddress> parse(String urls) {
    List<InetSocketAddress> servers = new ArrayList<>();
    if (urls == null) {
      return servers;
    }
    for (String url : urls.trim().split("\\s+")) {
      if (url.isEmpty()) {
        continue;
      }
      try {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.startsWith("ldap")) {
          continue;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("ldaps") ? 636 : 389;
        servers.add(InetSocketAddress.createUnresolved(uri.getHost(), port));
      } catch (IllegalArgumentException notAUrl) {
        LOG.warning("Ignoring a directory URL that is not one: " + url);
      }
    }
    return servers;
  }
}
