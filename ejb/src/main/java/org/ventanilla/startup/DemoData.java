package org.ventanilla.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.ticket.InboundContent;
import org.ventanilla.ticket.InboundFiling;
import org.ventanilla.ticket.TicketRepository;

/** A few believable conversations for a demo (VENTANILLA_DEMO=true on an empty database). */
@ApplicationScoped
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject CustomerDirectory customers;
  @Inject TicketRepository tickets;
  @Inject InboundFiling filing;
  @Inject Clock clock;

  void load() {
    Instant now = clock.instant();
    open(
        ChannelType.EMAIL,
        customers.findOrCreate(ContactType.EMAIL, "lucia.garcia@example.com", "Lucía García", now),
        "Pedido #4521 sin recibir",
        "Hola, hice un pedido hace diez días y todavía no ha llegado. ¿Me podéis ayudar?",
        now);
    open(
        ChannelType.WHATSAPP,
        customers.findOrCreate(ContactType.PHONE, "+34612345678", "Javier Ruiz", now),
        "¿Tenéis la talla M?",
        "Buenas, ¿tenéis la chaqueta azul en talla M?",
        now);
    open(
        ChannelType.EMAIL,
        customers.findOrCreate(ContactType.EMAIL, "emma.wilson@example.org", "Emma Wilson", now),
        "Refund for a damaged item",
        "Hi, the mug I received was broken. Could I get a refund or a replacement?",
        now);
    LOG.info("Demo data loaded: 3 tickets");
  }

  private void open(
      ChannelType channel, Customer customer, String subject, String text, Instant now) {
    filing.file(
        customer,
        Optional.empty(),
        new InboundFiling.Opening(channel, null, subject, "system"),
        InboundContent.of(
            customer.getName(), customer.getContacts().get(0).getValue(), subject, text),
        now,
        message -> {});
  }
}
