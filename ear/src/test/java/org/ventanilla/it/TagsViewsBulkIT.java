package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tags, saved views and bulk actions through the API, against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class TagsViewsBulkIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long newTicket() {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Bulk","text":"Hola","customer":{"name":"Ana","email":"%s@example.com"}}"""
                .formatted(unique("ana")));
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  private JsonObject ticket(long id) {
    return admin.get("tickets/" + id).object();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private List<Long> listIds(String query) {
    JsonObject page = admin.get("tickets?size=200&" + query).object();
    return page.getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  @DisplayName("PATCH tags creates unknown tags, shows them, filters by them and logs each change")
  void tagsOnTickets() {
    long id = newTicket();
    String vip = unique("VIP");
    String billing = unique("factura");

    Api.Response patched =
        admin.patch(
            "tickets/" + id, "{\"tags\":[\"%s\",\"%s\"]}".formatted(vip, billing), Map.of());
    assertEquals(200, patched.status(), patched::toString);
    assertEquals(
        List.of(billing, vip).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
        strings(patched.object().getJsonArray("tags")));

    assertEquals(List.of(id), listIds("tag=" + vip.toLowerCase()));
    JsonObject listed =
        admin.get("tickets?tag=" + vip).object().getJsonArray("items").getJsonObject(0);
    assertEquals(2, listed.getJsonArray("tags").size());

    admin.patch("tickets/" + id, "{\"tags\":[\"%s\"]}".formatted(vip), Map.of());
    List<String> events =
        ticket(id).getJsonArray("events").stream()
            .map(e -> e.asJsonObject().getString("type"))
            .toList();
    assertEquals(2, events.stream().filter("tagged"::equals).count(), events::toString);
    assertEquals(1, events.stream().filter("untagged"::equals).count(), events::toString);

    JsonObject tag =
        admin.get("tags").json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("name").equals(vip))
            .findFirst()
            .orElseThrow();
    assertEquals(1, tag.getInt("tickets"));
    assertEquals("#6b7280", tag.getString("colour"));
  }

  @Test
  @DisplayName("admins rename, merge and delete tags; tickets follow and the log says so")
  void renameMergeDelete() {
    long id = newTicket();
    String from = unique("old");
    String into = unique("new");
    admin.patch("tickets/" + id, "{\"tags\":[\"%s\"]}".formatted(from), Map.of());
    Api.Response target =
        admin.post("tags", "{\"name\":\"%s\",\"colour\":\"#FF0000\"}".formatted(into));
    assertEquals(201, target.status(), target::toString);
    assertTrue(
        target.header("Location").endsWith("/api/v1/tags/" + target.object().getInt("id")),
        "a created tag answers with its Location");
    assertEquals(
        409, admin.post("tags", "{\"name\":\"%s\"}".formatted(into.toUpperCase())).status());
    long fromId =
        admin.get("tags").json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("name").equals(from))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();

    String renamed = from + "-x";
    Api.Response rename =
        admin.patch("tags/" + fromId, "{\"name\":\"%s\"}".formatted(renamed), Map.of());
    assertEquals(200, rename.status(), rename::toString);
    assertEquals(List.of(renamed), strings(ticket(id).getJsonArray("tags")));

    long intoId = target.object().getJsonNumber("id").longValue();
    Api.Response merged = admin.post("tags/" + fromId + "/merge", "{\"into\":" + intoId + "}");
    assertEquals(200, merged.status(), merged::toString);
    assertEquals(1, merged.object().getInt("tickets"));
    assertEquals(List.of(into), strings(ticket(id).getJsonArray("tags")));
    assertEquals(404, admin.send("DELETE", "tags/" + fromId, null, Map.of()).status());

    assertEquals(204, admin.send("DELETE", "tags/" + intoId, null, Map.of()).status());
    JsonObject after = ticket(id);
    assertEquals(0, after.getJsonArray("tags").size());
    long untagged =
        after.getJsonArray("events").stream()
            .filter(e -> e.asJsonObject().getString("type").equals("untagged"))
            .count();
    assertEquals(2, untagged);
  }

  @Test
  @DisplayName("bulk-assigning 20 tickets applies 19 and reports the one edited meanwhile")
  void bulkWithConcurrentEdit() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(newTicket());
    }
    Map<Long, Long> seen =
        ids.stream()
            .collect(
                Collectors.toMap(
                    id -> id,
                    id ->
                        Long.valueOf(admin.get("tickets/" + id).header("ETag").replace("\"", ""))));
    long edited = ids.get(7);
    assertEquals(
        200, admin.patch("tickets/" + edited, "{\"priority\":\"high\"}", Map.of()).status());
    String versions =
        seen.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    String tag = unique("lote");

    Api.Response bulk =
        admin.post(
            "tickets/bulk",
            """
            {"ids":%s,"assignee":"admin","status":"in_progress","addTags":["%s"],"versions":%s}"""
                .formatted(ids.toString(), tag, versions));

    assertEquals(200, bulk.status(), bulk::toString);
    JsonArray results = bulk.object().getJsonArray("results");
    assertEquals(20, results.size());
    for (JsonValue value : results) {
      JsonObject result = value.asJsonObject();
      long id = result.getJsonNumber("id").longValue();
      JsonObject now = ticket(id);
      if (id == edited) {
        assertFalse(result.getBoolean("ok"));
        assertEquals("stale_version", result.getString("error"));
        assertEquals(JsonValue.NULL, now.get("assignee"));
        assertEquals(0, now.getJsonArray("tags").size());
      } else {
        assertTrue(result.getBoolean("ok"), result::toString);
        assertEquals("admin", now.getString("assignee"));
        assertEquals("in_progress", now.getString("status"));
        assertEquals(List.of(tag), strings(now.getJsonArray("tags")));
      }
    }
    assertEquals(19, listIds("tag=" + tag).size());
  }

  @Test
  @DisplayName("bulk reports an illegal transition per ticket")
  void bulkIllegalTransition() {
    long resolved = newTicket();
    long fresh = newTicket();
    admin.patch("tickets/" + resolved, "{\"status\":\"resolved\"}", Map.of());

    JsonArray results =
        admin
            .post("tickets/bulk", "{\"ids\":[%d,%d],\"status\":\"new\"}".formatted(resolved, fresh))
            .object()
            .getJsonArray("results");

    assertEquals("illegal_transition", results.getJsonObject(0).getString("error"));
    assertTrue(results.getJsonObject(1).getBoolean("ok"));
  }

  @Test
  @DisplayName("a saved view filters by tag and status, counts live and lists its tickets")
  void savedViews() {
    String tag = unique("vista");
    long a = newTicket();
    long b = newTicket();
    newTicket();
    admin.patch("tickets/" + a, "{\"tags\":[\"%s\"]}".formatted(tag), Map.of());
    admin.patch(
        "tickets/" + b, "{\"tags\":[\"%s\"],\"status\":\"resolved\"}".formatted(tag), Map.of());

    Api.Response created =
        admin.post(
            "views",
            "{\"name\":\"Abiertos %s\",\"shared\":true,\"status\":\"open\",\"tag\":\"%s\"}"
                .formatted(tag, tag));
    assertEquals(201, created.status(), created::toString);
    long viewId = created.object().getJsonNumber("id").longValue();
    assertEquals(1, created.object().getInt("count"));

    JsonObject page = admin.get("views/" + viewId + "/tickets?page=0&size=10").object();
    assertEquals(1, page.getInt("total"));
    assertEquals(a, page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());

    admin.patch("tickets/" + b, "{\"status\":\"in_progress\"}", Map.of());
    JsonObject listed =
        admin.get("views").json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(v -> v.getJsonNumber("id").longValue() == viewId)
            .findFirst()
            .orElseThrow();
    assertEquals(2, listed.getInt("count"));

    Api.Response renamed = admin.patch("views/" + viewId, "{\"status\":\"\"}", Map.of());
    assertEquals(200, renamed.status(), renamed::toString);
    assertEquals(422, admin.post("views", "{\"name\":\"x\",\"status\":\"bogus\"}").status());
    assertEquals(204, admin.send("DELETE", "views/" + viewId, null, Map.of()).status());
    assertEquals(404, admin.get("views/" + viewId).status());
  }

  @Test
  @DisplayName(
      "requests adding the same new tag at the same moment all succeed and make one tag;"
          + " creating it twice at once is one 201 and 409s")
  void concurrentNewTag() throws Exception {
    int parallel = 8;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      ids.add(newTicket());
    }
    String onTickets = unique("carrera");
    String created = unique("alta");
    ExecutorService pool = Executors.newFixedThreadPool(parallel * 2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Api.Response>> patches = new ArrayList<>();
      List<Future<Api.Response>> posts = new ArrayList<>();
      for (long id : ids) {
        patches.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin.patch(
                      "tickets/" + id, "{\"tags\":[\"%s\"]}".formatted(onTickets), Map.of());
                }));
        posts.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin.post("tags", "{\"name\":\"%s\"}".formatted(created));
                }));
      }
      start.countDown();

      for (Future<Api.Response> patch : patches) {
        Api.Response response = patch.get(60, TimeUnit.SECONDS);
        assertEquals(200, response.status(), response::toString);
      }
      List<Integer> postStatuses = new ArrayList<>();
      for (Future<Api.Response> post : posts) {
        postStatuses.add(post.get(60, TimeUnit.SECONDS).status());
      }
      assertEquals(1, postStatuses.stream().filter(s -> s == 201).count(), postStatuses::toString);
      assertEquals(
          parallel - 1,
          postStatuses.stream().filter(s -> s == 409).count(),
          postStatuses::toString);
    } finally {
      pool.shutdownNow();
    }

    List<JsonObject> tags =
        admin.get("tags").json().asJsonArray().stream().map(JsonValue::asJsonObject).toList();
    List<JsonObject> mine =
        tags.stream().filter(t -> t.getString("name").equals(onTickets)).toList();
    assertEquals(1, mine.size(), "one tag, however many requests created it");
    assertEquals(parallel, mine.get(0).getInt("tickets"));
    assertEquals(1, tags.stream().filter(t -> t.getString("name").equals(created)).count());
    for (long id : ids) {
      assertEquals(List.of(onTickets), strings(ticket(id).getJsonArray("tags")));
    }
  }

  @Test
  @DisplayName("a saved view's text finds tickets by subject, by customer name, or by number")
  void savedViewText() {
    String word = unique("palabra");
    Api.Response bySubject =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Asunto %s","text":"Hola","customer":{"name":"Eva","email":"%s@example.com"}}"""
                .formatted(word.toUpperCase(java.util.Locale.ROOT), unique("eva")));
    Api.Response byName =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Otro","text":"Hola","customer":{"name":"Luis %s","email":"%s@example.com"}}"""
                .formatted(word, unique("luis")));
    newTicket();
    long subjectId = bySubject.object().getJsonNumber("id").longValue();
    long nameId = byName.object().getJsonNumber("id").longValue();

    Api.Response view =
        admin.post("views", "{\"name\":\"Texto %s\",\"text\":\"%s\"}".formatted(word, word));
    assertEquals(201, view.status(), view::toString);
    assertEquals(2, view.object().getInt("count"));
    long viewId = view.object().getJsonNumber("id").longValue();
    JsonObject page = admin.get("views/" + viewId + "/tickets?size=10").object();
    assertEquals(
        List.of(nameId, subjectId),
        page.getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .toList(),
        "newest activity first");

    long number = byName.object().getJsonNumber("number").longValue();
    Api.Response byNumber =
        admin.post("views", "{\"name\":\"Numero %s\",\"text\":\"#%d\"}".formatted(word, number));
    assertEquals(201, byNumber.status(), byNumber::toString);
    assertEquals(1, byNumber.object().getInt("count"));
  }
}
