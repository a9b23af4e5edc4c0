package org.ventanilla.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.ticket.MessageView;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketMerges;
import org.ventanilla.web.faces.Feedback;

/**
 * The ticket page's merge ("this ticket is about the same problem as #N": everything moves there,
 * this one closes with a link) and split (a message, and optionally the later ones, becomes a
 * ticket of its own). Both open the ticket that results.
 */
@Named
@ViewScoped
public class TicketMergeSplit implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A message the split menu offers: its id and a short label (when, who, first words). */
  public record Choice(long id, String label) implements Serializable {}

  @Inject TicketInView view;
  @Inject TicketMerges merges;

  private Long intoNumber;
  private Long messageId;
  private boolean following;
  private List<Choice> messages = List.of();

  /** Merges the ticket shown into ticket #{@code intoNumber} and opens that one. */
  public String merge() {
    TicketDetails ticket = view.getTicket();
    if (ticket == null) {
      return null;
    }
    if (intoNumber == null) {
      Feedback.errorKey("merge.pickTicket");
      return null;
    }
    long number = intoNumber;
    return Feedback.call(() -> merges.mergeIntoNumber(ticket.id(), number, ticket.version()))
        .map(
            kept -> {
              Feedback.info(
                  "merge.done", String.valueOf(ticket.number()), String.valueOf(kept.number()));
              Feedback.keepOverRedirect();
              return "/ticket?faces-redirect=true&id=" + kept.id();
            })
        .orElse(null);
  }

  /** Splits the chosen message (and the later ones if asked) off and opens the new ticket. */
  public String split() {
    TicketDetails ticket = view.getTicket();
    if (ticket == null) {
      return null;
    }
    if (messageId == null) {
      Feedback.errorKey("split.pickMessage");
      return null;
    }
    long chosen = messageId;
    boolean later = following;
    return Feedback.call(() -> merges.split(ticket.id(), chosen, later, ticket.version()))
        .map(
            created -> {
              Feedback.info("split.done", String.valueOf(created.number()));
              Feedback.keepOverRedirect();
              return "/ticket?faces-redirect=true&id=" + created.id();
            })
        .orElse(null);
  }

  @PostConstruct
  void init() {
    take(view.getTicket());
  }

  void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) TicketInView.Loaded loaded) {
    take(loaded.ticket());
  }

  /**
   * The messages a split may start at: all but the first (the ticket keeps at least one); none for
   * a merged ticket.
   */
  private void take(TicketDetails ticket) {
    messages =
        ticket == null || ticket.mergedInto() != null || ticket.messages().size() < 2
            ? List.of()
            : ticket.messages().stream().skip(1).map(TicketMergeSplit::choice).toList();
  }

  public List<Choice> getMessages() {
    return messages;
  }

  static Choice choice(MessageView m) {
    String text = m.text() == null ? "" : m.text().strip().replaceAll("\\s+", " ");
    if (text.length() > 60) {
      text = text.substring(0, 59) + "…";
    }
    String who = m.author() == null ? "" : m.author().name();
    return new Choice(m.id(), who + ": " + text);
  }

  public Long getIntoNumber() {
    return intoNumber;
  }

  public void setIntoNumber(Long intoNumber) {
    this.intoNumber = intoNumber;
  }

  public Long getMessageId() {
    return messageId;
  }

  public void setMessageId(Long messageId) {
    this.messageId = messageId;
  }

  public boolean isFollowing() {
    return following;
  }

  public void setFollowing(boolean following) {
    this.following = following;
  }
}
