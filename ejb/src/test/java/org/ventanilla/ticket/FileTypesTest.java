package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FileTypesTest {

  @Test
  @DisplayName("the bytes decide the type, not the name")
  void bytesDecide() {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    assertEquals("application/pdf", FileTypes.detect(pdf, "foto.png"));
    assertEquals("text/plain", FileTypes.detect("hola".getBytes(), "nota.txt"));
    assertNotEquals("application/pdf", FileTypes.detect(exe, "factura.pdf"));
  }
}
