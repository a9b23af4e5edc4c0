package org.ventanilla.web.search;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ventanilla.common.Page;
import org.ventanilla.search.SearchResults;
import org.ventanilla.search.SearchService;

/** /search.xhtml?q=: customers and tickets for what was typed in the header's box. */
@Named
@ViewScoped
public class SearchPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 25;

  @Inject SearchService search;

  private String q;
  private SearchResults results;

  public void load() {
    results = search.search(q, Page.request(0, SIZE));
  }

  public SearchResults getResults() {
    return results;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
