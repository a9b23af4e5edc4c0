package org.ventanilla.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.customer.CustomerService;
import org.ventanilla.customer.CustomerView;
import org.ventanilla.ticket.CustomerHistory;
import org.ventanilla.ticket.CustomerTickets;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.web.faces.Feedback;

/** The ticket page's customer: contacts, other tickets, renaming and merging with another. */
@Named
@ViewScoped
public class CustomerPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TicketInView view;
  @Inject transient CustomerService customers;
  @Inject transient CustomerTickets customerTickets;

  private CustomerHistory customer;
  private String customerName;
  private Long mergeWithId;

  @PostConstruct
  void init() {
    take(view.getTicket());
  }

  void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) TicketInView.Loaded loaded) {
    take(loaded.ticket());
  }

  private void take(TicketDetails ticket) {
    customer = ticket == null ? null : customerTickets.get(ticket.customer().id()).orElse(null);
    customerName = customer == null ? null : customer.name();
  }

  /** The agent corrects the customer's name. */
  public void rename() {
    if (customer != null && Feedback.run(() -> customers.rename(customer.id(), customerName))) {
      Feedback.info("customer.renamed");
    }
    view.load();
  }

  /** The merge picker's suggestions: other customers by name or contact. */
  public List<CustomerView> find(String text) {
    return customers.search(text, new PageRequest(0, 10)).items().stream()
        .filter(c -> customer == null || c.id() != customer.id())
        .toList();
  }

  /** The customer chosen in the picker becomes this ticket's customer, contacts and tickets. */
  public void merge() {
    if (customer != null
        && mergeWithId != null
        && Feedback.run(() -> customerTickets.merge(customer.id(), mergeWithId))) {
      Feedback.info("customer.merged");
      mergeWithId = null;
    }
    view.load();
  }

  public CustomerHistory getCustomer() {
    return customer;
  }

  public String getCustomerName() {
    return customerName;
  }

  public void setCustomerName(String customerName) {
    this.customerName = customerName;
  }

  public Long getMergeWithId() {
    return mergeWithId;
  }

  public void setMergeWithId(Long mergeWithId) {
    this.mergeWithId = mergeWithId;
  }
}
