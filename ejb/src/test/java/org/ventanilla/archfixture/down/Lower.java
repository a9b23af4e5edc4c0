package org.ventanilla.archfixture.down;

import org.ventanilla.archfixture.up.Upper;

/** Test fixture only: the other half of the cycle. */
public class Lower {

  public Upper upper() {
    return new Upper();
  }
}
