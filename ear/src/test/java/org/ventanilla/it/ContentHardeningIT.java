package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.HostileSupport.assertHealthy;
import static org.ventanilla.it.HostileSupport.jsonString;
import static org.ventanilla.it.HostileSupport.ticketsOf;
import static org.ventanilla.it.HostileSupport.unique;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ventanilla.it.HostileSupport.WebSession;

/**
 * Issue 23, what a message carries, against the deployed EAR: texts over the limit are refused
 * whole, a mail's HTML cannot borrow the page's classes or call home with remote images, and what
 * the server keeps on disk is readable by its own user only.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class ContentHardeningIT {

  private static final String TWO_MB = "x".repeat(2 * 1024 * 1024);

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private long newTicket(String html) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Contenido","text":"Hola","html":%s,
             "customer":{"name":"Lucía","email":"content-%s@example.com"}}"""
                .formatted(html == null ? "null" : jsonString(html), unique()));
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  private static void assertTooLarge(Api.Response response) {
    assertEquals(413, response.status(), () -> response.status() + " " + response.body().length());
    assertEquals("payload_too_large", response.object().getString("error"), response::toString);
  }

  @Test
  @DisplayName("a 2 MB reply, note or inbound text or HTML gets 413 and changes nothing")
  void oversizedTextsAreRefused() {
    long ticket = newTicket(null);
    String big = "{\"text\":\"" + TWO_MB + "\"}";

    assertTooLarge(admin.post("tickets/" + ticket + "/replies", big));
    assertTooLarge(admin.post("tickets/" + ticket + "/notes", big));
    assertTooLarge(
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Grande","text":"%s","customer":{"name":"G","email":"big-%s@example.com"}}"""
                .formatted(TWO_MB, unique())));
    assertTooLarge(
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Grande","text":"hola","html":"<p>%s</p>","customer":{"name":"G","email":"big-%s@example.com"}}"""
                .formatted(TWO_MB, unique())));

    JsonObject after = admin.get("tickets/" + ticket).object();
    assertEquals(1, after.getJsonArray("messages").size(), "the ticket did not change");
    assertEquals("new", after.getString("status"));
    assertTrue(admin.post("tickets/" + ticket + "/notes", "{\"text\":\"ok\"}").status() == 201);
    assertHealthy();
  }

  /** A mail's HTML dressed as the page's overlay, with a tracking pixel and a remote logo. */
  private static String disguisedMail(String imageBase, String token) {
    return "<div class=\"ui-widget-overlay mail-note\">"
        + token
        + "</div><p>Hola<img src=\""
        + imageBase
        + "/pixel.gif?r="
        + token
        + "\" width=\"1\" height=\"1\"></p><img src=\""
        + imageBase
        + "/logo.png\" alt=\"logo\">";
  }

  @Test
  @DisplayName(
      "a mail's class=\"ui-widget-overlay\" and remote img reach neither the ticket page nor the API as such")
  void borrowedClassesAndRemoteImagesDoNotReachThePage() {
    String token = "disfraz" + unique();
    long ticket = newTicket(disguisedMail("https://tracker.example", token));

    String html =
        admin
            .get("tickets/" + ticket)
            .object()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getString("html");
    assertFalse(html.contains("ui-widget-overlay"), html);
    assertFalse(html.contains(" src="), html);
    assertTrue(html.contains("class=\"mail-note\""), html);

    HttpResponse<String> page =
        WebSession.signIn(Api.ADMIN, Api.adminPassword()).get("ticket.xhtml?id=" + ticket);
    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains(token), "the mail is on the page");
    assertFalse(body.contains("ui-widget-overlay"), "no borrowed overlay class on the page");
    assertFalse(
        Pattern.compile("[\\s<]src=\"https://tracker").matcher(body).find(),
        "no remote src on the page (data-remote-src is held, not fetched)");
    assertTrue(body.contains("data-remote-src=\"https://tracker.example/logo.png\""), body);
    assertTrue(body.contains("class=\"show-images\""), "the agent can ask for the images");
  }

  @Test
  @DisplayName(
      "in the browser a mail's remote images are fetched only after the agent clicks show images")
  void remoteImagesLoadOnlyWhenAsked() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    images.start();
    try (Browser browser = Browser.open("es")) {
      String token = "pixel" + unique();
      long ticket =
          newTicket(disguisedMail("http://127.0.0.1:" + images.getAddress().getPort(), token));
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + ticket);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:timeline"), token));
      browser.wait.until(
          d ->
              "complete"
                  .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
      Thread.sleep(1500);
      assertEquals(0, fetched.get(), "opening the ticket fetched no remote image");

      browser.driver.findElement(By.cssSelector(".show-images")).click();
      Eventually.await(
          "both remote images fetched after the click",
          () -> fetched.get() >= 2 ? Optional.of(true) : Optional.empty(),
          Duration.ofSeconds(10));
      assertTrue(browser.driver.findElements(By.cssSelector(".show-images")).isEmpty());
    } finally {
      images.stop(0);
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored file holding exactly these bytes, under the data directory's attachments. */
  private static Optional<Path> storedFile(Path data, byte[] content) {
    try (Stream<Path> files = Files.walk(data.resolve("attachments"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return Files.size(f) == content.length
                      && Arrays.equals(Files.readAllBytes(f), content);
                } catch (IOException e) {
                  return false;
                }
              })
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Test
  @DisplayName("the data directory is 700, the H2 database file and a mail's stored attachment 600")
  void dataOnDiskIsTheServerUsersOnly() {
    // The server runs on this machine with the build's data directory (arquillian.xml).
    Path data = Path.of(System.getProperty("it.data.dir"));
    byte[] pdf = ("%PDF-1.4 factura " + unique()).getBytes(StandardCharsets.US_ASCII);
    String sender = "files-" + unique() + "@example.org";

    deliverByMail(
        sender,
        List.of(
            "Subject: Factura",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Adjunto la factura.",
            "--b",
            "Content-Type: application/pdf; name=factura.pdf",
            "Content-Disposition: attachment; filename=factura.pdf",
            "Content-Transfer-Encoding: base64",
            "",
            Base64.getMimeEncoder().encodeToString(pdf),
            "--b--",
            ""));

    Path stored =
        Eventually.await(
            "the attachment's file in " + data,
            () -> storedFile(data, pdf),
            Duration.ofSeconds(10));
    assertEquals("rwx------", mode(data), "the data directory");
    // On PostgreSQL (CI sets VENTANILLA_DB_URL for the build and the server) there is no H2 file.
    if (System.getenv("VENTANILLA_DB_URL") == null) {
      assertEquals("rw-------", mode(data.resolve("ventanilla.mv.db")), "the H2 database file");
    }
    assertEquals("rw-------", mode(stored), "the stored attachment " + stored);
    for (Path dir = stored.getParent(); !dir.equals(data); dir = dir.getParent()) {
      assertEquals("rwx------", mode(dir), dir.toString());
    }
  }

  /** A mail from {@code sender} through a mailbox of its own, polled in: its ticket. */
  private JsonObject deliverByMail(String sender, List<String> headersAndBody) {
    try (MailServer mail = MailServer.start()) {
      String mailbox = "content-" + unique() + "@example.com";
      mail.addMailbox(mailbox, "mailbox-secret");
      Api.Response channel =
          admin.post(
              "channels",
              """
              {"type":"email","name":"Contenido","address":"%s","pollSeconds":3600,
               "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
               "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                  .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
      assertEquals(201, channel.status(), channel::toString);
      long channelId = channel.object().getJsonNumber("id").longValue();
      try {
        List<String> lines = new ArrayList<>();
        lines.add("Message-ID: <" + unique() + "@client.example.org>");
        lines.add("From: " + sender);
        lines.add("To: " + mailbox);
        lines.addAll(headersAndBody);
        mail.deliver(mailbox, String.join("\r\n", lines));
        return Eventually.await(
            "the mail from " + sender + " on a ticket",
            () -> {
              admin.post("channels/" + channelId + "/poll", null);
              return ticketsOf(sender).stream().findFirst();
            },
            Duration.ofSeconds(60));
      } finally {
        admin.send("DELETE", "channels/" + channelId, null, Map.of());
      }
    }
  }

  @Test
  @DisplayName("a mail's inline cid: image shows from our own store, on the page and in the API")
  void inlineImagesShowFromOurStore() {
    String sender = "inline-" + unique() + "@example.org";
    String cid = "foto-" + unique() + "@client.example.org";
    String png =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    JsonObject ticket =
        deliverByMail(
            sender,
            List.of(
                "Subject: Foto",
                "MIME-Version: 1.0",
                "Content-Type: multipart/related; boundary=r",
                "",
                "--r",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>Mira la foto<img src=\"cid:" + cid + "\" alt=\"foto\"></p>",
                "--r",
                "Content-Type: image/png; name=foto.png",
                "Content-Disposition: inline; filename=foto.png",
                "Content-ID: <" + cid + ">",
                "Content-Transfer-Encoding: base64",
                "",
                png,
                "--r--",
                ""));
    JsonObject message = ticket.getJsonArray("messages").getJsonObject(0);
    long attachment =
        message.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id").longValue();
    String source = "src=\"api/v1/attachments/" + attachment + "\"";
    assertTrue(message.getString("html").contains(source), message::toString);
    assertFalse(message.getString("html").contains("cid:"), message::toString);

    WebSession agent = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    String page = agent.get("ticket.xhtml?id=" + ticket.getInt("id")).body();
    assertTrue(page.contains(source), "the page shows the inline image from our store");
    HttpResponse<String> image = agent.get("api/v1/attachments/" + attachment);
    assertEquals(200, image.statusCode(), image::body);
    assertTrue(image.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
  }
}
