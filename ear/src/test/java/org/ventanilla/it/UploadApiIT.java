package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads for replies not sent yet: multipart in, the detected type out, the owner's alone. */
@ExtendWith(ArquillianExtension.class)
class UploadApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** The smallest valid PNG: its signature and an IHDR chunk are what the detector reads. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static HttpResponse<String> upload(
      String username, String password, String filename, String declaredType, byte[] content)
      throws Exception {
    String boundary = "----ventanilla" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + declaredType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/uploads"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("an upload answers 201 with its id, name, size and the type read from its bytes")
  void uploadAnswersWithDetectedType() throws Exception {
    // Declared as a PDF, named .pdf: the bytes are a PNG, and that is what counts.
    HttpResponse<String> response =
        upload(Api.ADMIN, Api.adminPassword(), "factura.pdf", "application/pdf", PNG);

    assertEquals(201, response.statusCode(), response::body);
    JsonObject upload = new Api.Response(response).object();
    assertEquals("image/png", upload.getString("contentType"));
    assertEquals("factura.pdf", upload.getString("filename"));
    assertEquals(PNG.length, upload.getInt("size"));
    assertTrue(
        response.headers().firstValue("Location").orElseThrow().endsWith(upload.getString("id")));
    Api.Response read = Api.asAdmin().get("uploads/" + upload.getString("id"));
    assertEquals(200, read.status(), read::toString);
  }

  private static String newAgent(String password) {
    String username = "uploader+" + UUID.randomUUID() + "@example.com";
    Api.Response created =
        Api.asAdmin()
            .post(
                "agents",
                """
                {"displayName":"Uploader","email":"%s","role":"agent","password":"%s"}"""
                    .formatted(username, password));
    assertEquals(201, created.status(), created::toString);
    return username;
  }

  @Test
  @DisplayName("another agent cannot use or even see someone else's upload; an admin can")
  void anotherAgentCannotSeeTheUpload() throws Exception {
    String password = "Uploader-2026-x";
    String owner = newAgent(password);
    String other = newAgent(password);
    HttpResponse<String> response =
        upload(owner, password, "nota.txt", "application/octet-stream", "hola".getBytes());
    assertEquals(201, response.statusCode(), response::body);
    String id = new Api.Response(response).object().getString("id");

    Api.Response asOwner = Api.as(owner, password).get("uploads/" + id);
    Api.Response asOther = Api.as(other, password).get("uploads/" + id);
    Api.Response asAdmin = Api.asAdmin().get("uploads/" + id);

    assertEquals(200, asOwner.status(), asOwner::toString);
    assertEquals("text/plain", asOwner.object().getString("contentType"));
    assertEquals(404, asOther.status(), asOther::toString);
    assertEquals(200, asAdmin.status(), asAdmin::toString);
  }

  @Test
  @DisplayName("an upload id nobody was given is not found")
  void unknownUploadIsNotFound() {
    Api.Response response = Api.asAdmin().get("uploads/" + "0".repeat(48));
    assertEquals(404, response.status(), response::toString);
  }
}
