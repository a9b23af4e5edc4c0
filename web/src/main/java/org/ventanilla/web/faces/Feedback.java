package org.ventanilla.web.faces;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.common.DomainException;

/**
 * The one place where Faces beans turn outcomes into messages for the agent: texts come from the
 * {@code msg} bundle, and a service's refusal ({@link DomainException}) is mapped once. A refusal
 * is shown in the agent's language when the bundle knows its code ({@code error.<code>}), otherwise
 * as the service worded it, which names what was wrong. An {@link EJBException} is unwrapped to its
 * cause: a refusal inside it is shown as such, a lost optimistic lock as {@code
 * error.stale_version}; anything else is a failure of ours, logged with its stack trace and shown
 * as {@code error.generic}, never as "someone else changed it".
 */
public final class Feedback {

  private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

  private Feedback() {}

  /**
   * Runs a use case; a refusal or failure becomes an error message.
   *
   * @return whether it went through, so the caller says so and resets its form
   */
  public static boolean run(Runnable action) {
    return call(() -> {
          action.run();
          return true;
        })
        .isPresent();
  }

  /**
   * Runs a use case that answers something; a refusal or failure becomes an error message.
   *
   * @return its answer, or empty when it did not go through
   */
  public static <T> Optional<T> call(Supplier<T> action) {
    try {
      return Optional.of(action.get());
    } catch (DomainException e) {
      error(e);
    } catch (EJBException e) {
      Optional<DomainException> refusal = refusal(e);
      if (refusal.isPresent()) {
        error(refusal.get());
      } else if (causedBy(e, OptimisticLockException.class)) {
        errorKey("error.stale_version");
      } else {
        LOG.log(Level.SEVERE, "A Faces action failed", e);
        errorKey("error.generic");
      }
    }
    return Optional.empty();
  }

  /** The domain refusal that an EJB failure carries, if it carries one. */
  static Optional<DomainException> refusal(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof DomainException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }

  /** Whether someone else's concurrent change is what made the transaction fail. */
  static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  public static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, text(key, args));
  }

  public static void warn(String key, Object... args) {
    add(FacesMessage.SEVERITY_WARN, text(key, args));
  }

  public static void errorKey(String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, text(key, args));
  }

  public static void error(DomainException e) {
    String key = "error." + e.code();
    add(FacesMessage.SEVERITY_ERROR, bundle().containsKey(key) ? text(key) : e.getMessage());
  }

  /** Messages of this request survive the redirect that follows it. */
  public static void keepOverRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  /** A text of the bundle, its {@code {0}} placeholders filled when arguments are given. */
  public static String text(String key, Object... args) {
    String text = bundle().getString(key);
    return args.length == 0 ? text : MessageFormat.format(text, args);
  }

  /** The {@code msg} bundle in the agent's language. */
  public static ResourceBundle bundle() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getApplication().getResourceBundle(context, "msg");
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
