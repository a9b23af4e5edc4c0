package org.ventanilla.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ventanilla.platform.SystemInfo;
import org.ventanilla.platform.SystemInfoService;

/** The admin's server information page. */
@Named
@RequestScoped
public class ServerInfoPage {

  @Inject SystemInfoService service;
  private SystemInfo info;

  public void load() {
    info = service.info();
  }

  public SystemInfo getInfo() {
    return info;
  }
}
