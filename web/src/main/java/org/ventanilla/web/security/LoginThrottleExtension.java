package org.ventanilla.web.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/** Installs {@link LoginThrottleHandler} in front of this web module's authentication. */
public class LoginThrottleExtension implements ServletExtension {

  static final int CLIENT_FREE_ATTEMPTS = 30;
  static final int USERNAME_FREE_ATTEMPTS = 5;

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    LoginThrottle byClient = new LoginThrottle(Clock.systemUTC(), CLIENT_FREE_ATTEMPTS);
    LoginThrottle byUsername = new LoginThrottle(Clock.systemUTC(), USERNAME_FREE_ATTEMPTS);
    deploymentInfo.addInitialHandlerChainWrapper(
        next -> new LoginThrottleHandler(next, byClient, byUsername));
  }
}
