package org.ventanilla.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttachmentResourceTest {

  @Test
  @DisplayName(
      "the download name is a safe ASCII fallback plus the exact UTF-8 name, percent-encoded")
  void contentDisposition() {
    assertEquals(
        "attachment; filename=\"resume (1).pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%281%29.pdf",
        AttachmentResource.contentDisposition("résumé (1).pdf"));
    assertEquals(
        "attachment; filename=\"a__ b__c_.pdf\"; filename*=UTF-8''a%22%3B%20b%0D%0Ac%22.pdf",
        AttachmentResource.contentDisposition("a\"; b\r\nc\".pdf"));
    assertEquals(
        "attachment; filename=\"attachment\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC",
        AttachmentResource.contentDisposition("日本"));
  }

  @Test
  @DisplayName("types a browser would run are served as bytes")
  void servedTypes() {
    assertEquals("application/octet-stream", AttachmentResource.servedType("text/html"));
    assertEquals("application/octet-stream", AttachmentResource.servedType("image/svg+xml"));
    assertEquals("application/octet-stream", AttachmentResource.servedType(null));
    assertEquals("application/octet-stream", AttachmentResource.servedType("garbage"));
    assertEquals("image/png", AttachmentResource.servedType("IMAGE/PNG; name=x.png"));
    assertEquals("text/plain; charset=UTF-8", AttachmentResource.servedType("text/plain"));
  }
}
