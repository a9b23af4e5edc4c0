package org.ventanilla.channel.whatsapp;

import org.ventanilla.common.DomainException;

/** A webhook delivery that was refused: nothing of it is stored. */
public class WebhookRejectedException extends DomainException {

  private final int httpStatus;

  /** One that did not prove it came from Meta: 401 with no signature at all, 403 when wrong. */
  public WebhookRejectedException(boolean signaturePresent) {
    this(
        signaturePresent ? 403 : 401,
        signaturePresent ? "invalid_signature" : "missing_signature",
        signaturePresent
            ? "X-Hub-Signature-256 does not match any WhatsApp channel's app secret"
            : "X-Hub-Signature-256 is required");
  }

  private WebhookRejectedException(int httpStatus, String code, String message) {
    super(code, message);
    this.httpStatus = httpStatus;
  }

  /** Correctly signed, but not a JSON object: storing it would only fail later, forever. */
  static WebhookRejectedException notJson(String why) {
    return new WebhookRejectedException(
        400, "invalid_json", "The body is not a JSON object: " + why);
  }

  public int httpStatus() {
    return httpStatus;
  }
}
