package org.ventanilla.automation;

/** How new tickets are shared out: not at all, in turn, or to whoever holds fewest open tickets. */
public enum AssignmentMode {
  OFF,
  ROUND_ROBIN,
  BALANCED
}
