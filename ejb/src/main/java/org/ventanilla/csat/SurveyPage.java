package org.ventanilla.csat;

/** What the public survey page shows of a survey: nothing about the customer beyond the subject. */
public record SurveyPage(long ticketNumber, String subject, String language, boolean answered) {}
