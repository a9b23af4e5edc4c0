package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sharing new tickets out among the agents who are online (issue 18, assignment). Everyone else who
 * is online is set offline for the test and put back afterwards, so the turns are ours alone.
 */
@ExtendWith(ArquillianExtension.class)
class AssignmentIT {

  private static final String PASSWORD = "assign-pass-1";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private final List<String> setOffline = new ArrayList<>();
  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void nobodyElseOnline() {
    for (JsonValue value : admin.get("agents").json().asJsonArray()) {
      JsonObject agent = value.asJsonObject();
      if ("online".equals(agent.getString("availability"))) {
        availability(agent.getString("username"), "offline");
        setOffline.add(agent.getString("username"));
      }
    }
  }

  @AfterEach
  void putBack() {
    settings("{\"mode\":\"off\",\"capacity\":null}");
    created.forEach(username -> availability(username, "offline"));
    setOffline.forEach(username -> availability(username, "online"));
  }

  @Test
  @DisplayName("100 tickets at once over both channels give each of 4 online agents 25 ± 1")
  void roundRobinIsFairUnderConcurrency() throws Exception {
    List<String> online = List.of(agent("ana"), agent("bruno"), agent("carla"), agent("dario"));
    online.forEach(username -> availability(username, "online"));
    String away = agent("elena");
    availability(away, "away");
    assertEquals(
        Map.of("mode", "round_robin"),
        Map.of("mode", settings("{\"mode\":\"round_robin\",\"capacity\":null}").getString("mode")));

    List<Integer> ids = openConcurrently(100);

    Map<String, Integer> perAgent = new TreeMap<>();
    for (int id : ids) {
      JsonObject ticket = admin.get("tickets/" + id).object();
      perAgent.merge(ticket.getString("assignee", "(nobody)"), 1, Integer::sum);
    }
    assertEquals(new java.util.TreeSet<>(online), perAgent.keySet(), perAgent::toString);
    perAgent.forEach(
        (username, count) -> assertTrue(Math.abs(count - 25) <= 1, () -> "not fair: " + perAgent));
    assertFalse(perAgent.containsKey(away));
    JsonObject event =
        admin.get("tickets/" + ids.get(0)).object().getJsonArray("events").stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> "assigned".equals(e.getString("type")))
            .findFirst()
            .orElseThrow();
    assertEquals("Automation: assignment", event.getString("actor"), event::toString);
  }

  @Test
  @DisplayName("tickets opened while nobody is online go to the first agent who comes online")
  void waitingTicketsAreSharedOutWhenSomeoneComesOnline() {
    String agent = agent("fina");
    settings("{\"mode\":\"round_robin\",\"capacity\":null}");
    int first = open("Sin nadie 1");
    int second = open("Sin nadie 2");
    assertEquals(JsonValue.NULL, admin.get("tickets/" + first).object().get("assignee"));

    Api self = Api.as(agent, PASSWORD);
    Api.Response patched = self.patch("agents/" + agent, "{\"availability\":\"online\"}", Map.of());

    assertEquals(200, patched.status(), patched::toString);
    assertEquals(agent, admin.get("tickets/" + first).object().getString("assignee"));
    assertEquals(agent, admin.get("tickets/" + second).object().getString("assignee"));
  }

  @Test
  @DisplayName("balanced assignment gives fewest open tickets first and stops at the capacity")
  void balancedStopsAtCapacity() {
    String busy = agent("gael");
    String idle = agent("hugo");
    availability(busy, "online");
    availability(idle, "online");
    int held = open("Ya tiene uno");
    admin.patch("tickets/" + held, "{\"assignee\":\"" + busy + "\"}", Map.of());
    settings("{\"mode\":\"balanced\",\"capacity\":1}");

    int toIdle = open("Para el libre");
    int nobody = open("Todos llenos");

    assertEquals(idle, admin.get("tickets/" + toIdle).object().getString("assignee"));
    assertEquals(JsonValue.NULL, admin.get("tickets/" + nobody).object().get("assignee"));
    assertEquals(1, admin.get("settings/assignment").object().getInt("capacity"));
  }

  @Test
  @DisplayName("only admins read or change the assignment settings")
  void settingsAreForAdmins() {
    String agent = agent("ines");
    Api self = Api.as(agent, PASSWORD);

    assertEquals(403, self.get("settings/assignment").status());
    assertEquals(
        403, self.send("PUT", "settings/assignment", "{\"mode\":\"off\"}", Map.of()).status());
    assertEquals(
        422,
        admin.send("PUT", "settings/assignment", "{\"mode\":\"sometimes\"}", Map.of()).status());
    assertEquals(
        403,
        self.patch("agents/" + agent, "{\"role\":\"admin\"}", Map.of()).status(),
        "an agent may set only their own availability");
  }

  private List<Integer> openConcurrently(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> n % 2 == 0 ? open("Ráfaga " + n) : openWhatsApp(n)));
      }
      List<Integer> ids = new ArrayList<>();
      for (Future<Integer> future : futures) {
        ids.add(future.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private int open(String subject) {
    Api.Response response =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Hola","customer":{"name":"Cliente","email":"c+%s@example.com"}}"""
                .formatted(subject, UUID.randomUUID()));
    assertEquals(201, response.status(), response::toString);
    return response.object().getInt("id");
  }

  private int openWhatsApp(int n) {
    String phone = "+3461" + (1_000_000 + (int) (Math.random() * 8_999_999));
    Api.Response response =
        admin.post(
            "tickets",
            """
            {"channel":"whatsapp","text":"Hola %d","customer":{"name":"Cliente","phone":"%s"}}"""
                .formatted(n, phone));
    assertEquals(201, response.status(), response::toString);
    return response.object().getInt("id");
  }

  private String agent(String name) {
    String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response response =
        admin.post(
            "agents",
            """
            {"username":"%s","displayName":"%s","password":"%s","role":"agent"}"""
                .formatted(username, name, PASSWORD));
    assertEquals(201, response.status(), response::toString);
    created.add(username);
    return username;
  }

  private void availability(String username, String availability) {
    Api.Response response =
        admin.patch("agents/" + username, "{\"availability\":\"" + availability + "\"}", Map.of());
    assertEquals(200, response.status(), response::toString);
  }

  private JsonObject settings(String json) {
    Api.Response response = admin.send("PUT", "settings/assignment", json, Map.of());
    assertEquals(200, response.status(), response::toString);
    return response.object();
  }
}
