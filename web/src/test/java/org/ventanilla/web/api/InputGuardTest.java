package org.ventanilla.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputGuardTest {

  @Test
  @DisplayName(
      "NUL escapes and excessive nesting are found; the same characters inside strings are not")
  void problems() {
    assertEquals("nul", InputGuard.problem("{\"a\":\"x\\u0000y\"}"));
    assertEquals("nul", InputGuard.problem("{\"a\":\"x\0y\"}"));
    assertNull(InputGuard.problem("{\"a\":\"typed \\\\u0000 as text\"}"));
    assertEquals("depth", InputGuard.problem("[".repeat(33) + "]".repeat(33)));
    assertNull(InputGuard.problem("[".repeat(32) + "]".repeat(32)));
    assertNull(InputGuard.problem("{\"a\":\"" + "[{".repeat(100) + "\"}"));
    assertNull(InputGuard.problem("{\"a\":\"quote \\\" [[[[\"}"));
  }
}
