package org.ventanilla.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the REST API. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
