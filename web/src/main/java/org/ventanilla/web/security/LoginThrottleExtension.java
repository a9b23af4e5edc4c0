package org.ventanilla.web.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/** Installs {@link LoginThrottleHandler} in front of this web module's authentication. */
public class LoginThrottleExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    deploymentInfo.addInitialHandlerChainWrapper(next -> new LoginThrottleHandler(next, throttle));
  }
}
