package org.ventanilla.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON as documented: absent values are explicit nulls (an unassigned ticket says so). */
@Provider
public class JsonbConfigurator implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
