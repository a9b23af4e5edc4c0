package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport;
import org.ventanilla.channel.whatsapp.WhatsAppPricingService;
import org.ventanilla.report.ReportService;
import org.ventanilla.report.SummaryReport;

/** Reports for agents and admins. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  @Inject ReportService reports;
  @Inject WhatsAppPricingService whatsappPricing;

  @GET
  @Path("summary")
  public SummaryReport summary(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel) {
    return reports.summary(from, to, channel);
  }

  /** WhatsApp messages per month and Meta pricing category (from the statuses' pricing). */
  @GET
  @Path("whatsapp-pricing")
  public WhatsAppPricingReport whatsappPricing(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    return whatsappPricing.months(from, to);
  }
}
