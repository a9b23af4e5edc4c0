package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.common.Page;
import org.ventanilla.search.SearchResults;
import org.ventanilla.search.SearchService;

/** The search box: {@code ?q=} over tickets and customers, grouped, best first, highlighted. */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @Inject SearchService search;

  @GET
  public SearchResults search(
      @QueryParam("q") String q,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return search.search(q, Page.request(page, size));
  }
}
