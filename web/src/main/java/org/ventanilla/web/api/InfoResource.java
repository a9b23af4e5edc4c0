package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.platform.SystemInfo;
import org.ventanilla.platform.SystemInfoService;

/** Facts about the installation, for admins (the service checks the role). */
@Path("info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

  @Inject SystemInfoService info;

  @GET
  public SystemInfo info() {
    return info.info();
  }
}
