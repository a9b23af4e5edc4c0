package org.ventanilla.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A {@code multipart/form-data} request to the API, as a browser's form or curl -F sends it. */
final class FormPost {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String boundary = "----ventanilla" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  FormPost field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  FormPost file(String filename, String declaredType, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + declaredType
            + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** Posts as the admin to {@code api/v1/<path>}. */
  Api.Response post(String path) throws Exception {
    write("--" + boundary + "--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/" + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (Api.ADMIN + ":" + Api.adminPassword())
                                .getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return new Api.Response(
        HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
