package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.customer.CustomerService;
import org.ventanilla.customer.CustomerView;
import org.ventanilla.ticket.CustomerHistory;
import org.ventanilla.ticket.CustomerTickets;

/** Customers: search by name or contact, and one customer with every ticket. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

  @Inject CustomerService customers;
  @Inject CustomerTickets history;

  @GET
  public Page<CustomerView> search(
      @QueryParam("q") String q,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return customers.search(q, Page.request(page, size));
  }

  @GET
  @Path("{id}")
  public CustomerHistory get(@PathParam("id") long id) {
    return history.get(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }
}
