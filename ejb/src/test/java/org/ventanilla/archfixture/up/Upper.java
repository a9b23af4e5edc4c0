package org.ventanilla.archfixture.up;

import org.ventanilla.archfixture.down.Lower;

/** Test fixture only: one half of an import cycle the architecture test must report. */
public class Upper {

  public Lower lower() {
    return new Lower();
  }

  /** Test fixture only: a class with no dependency at all. */
  public static class Clean {}
}
