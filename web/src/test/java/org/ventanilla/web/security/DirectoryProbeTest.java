package org.ventanilla.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryProbeTest {

  @Test
  void withoutADirectoryEverySignInMayReachTheRealm() {
    DirectoryProbe probe = new DirectoryProbe(null, Clock.systemUTC());
    assertFalse(probe.configured());
    assertTrue(probe.reachable());
  }

  @Test
  void aListeningDirectoryIsReachableAndAClosedPortIsNot() throws IOException {
    int closedPort;
    try (ServerSocket directory = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      DirectoryProbe up =
          new DirectoryProbe("ldap://127.0.0.1:" + directory.getLocalPort(), Clock.systemUTC());
      assertTrue(up.configured());
      assertTrue(up.reachable());
      closedPort = directory.getLocalPort();
    }
    DirectoryProbe down = new DirectoryProbe("ldap://127.0.0.1:" + closedPort, Clock.systemUTC());
    assertFalse(down.reachable());
  }

  @Test
  void anAnswerIsRememberedForAMomentThenAskedAgain() throws IOException {
    Clock frozen = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    ServerSocket directory = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    DirectoryProbe probe =
        new DirectoryProbe("ldap://127.0.0.1:" + directory.getLocalPort(), frozen);
    assertTrue(probe.reachable());
    directory.close();
    assertTrue(probe.reachable(), "within the moment, the last answer stands");
    DirectoryProbe later =
        new DirectoryProbe("ldap://127.0.0.1:" + directory.getLocalPort(), Clock.systemUTC());
    assertFalse(later.reachable());
  }

  @Test
  void severalServersAndTheDefaultPortsAreUnderstood() {
    List<InetSocketAddress> servers =
        DirectoryProbe.parse(" ldap://dc1.example.com ldaps://dc2.example.com  ldap://dc3:3389 ");
    assertEquals(3, servers.size());
    assertEquals(389, servers.get(0).getPort());
    assertEquals(636, servers.get(1).getPort());
    assertEquals(3389, servers.get(2).getPort());
    assertTrue(DirectoryProbe.parse("not a url at all ::").isEmpty());
  }
}
