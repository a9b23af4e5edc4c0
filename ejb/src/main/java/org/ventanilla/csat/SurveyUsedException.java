package org.ventanilla.csat;

import org.ventanilla.common.ConflictException;

/** The survey was answered already: a link works once. */
public class SurveyUsedException extends ConflictException {
  public SurveyUsedException() {
    super("survey_used", "This survey has been answered already");
  }
}
