package org.ventanilla.channel.whatsapp;

import org.ventanilla.common.DomainException;

/** A webhook delivery that did not prove it came from Meta: nothing of it is stored. */
public class WebhookRejectedException extends DomainException {

  private final boolean signaturePresent;

  public WebhookRejectedException(boolean signaturePresent) {
    super(
        signaturePresent ? "invalid_signature" : "missing_signature",
        signaturePresent
            ? "X-Hub-Signature-256 does not match any WhatsApp channel's app secret"
            : "X-Hub-Signature-256 is required");
    this.signaturePresent = signaturePresent;
  }

  /** 401 when there was no signature at all, 403 when it was wrong. */
  public int httpStatus() {
    return signaturePresent ? 403 : 401;
  }
}
