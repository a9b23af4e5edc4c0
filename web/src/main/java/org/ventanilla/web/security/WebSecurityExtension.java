package org.ventanilla.web.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Installs, in front of this web module's authentication, the {@link ResponseHardening} of every
 * answer and the {@link LoginThrottleHandler}, and publishes the node's {@link FailedSignIns} for
 * the agents page.
 */
public class WebSecurityExtension implements ServletExtension {

  /** Generous: a whole office may share one address. Success never clears it. */
  static final int ADDRESS_FREE_ATTEMPTS = 30;

  /** Failures for one username from anywhere, which a known browser is exempt from. */
  static final int USERNAME_FREE_ATTEMPTS = 10;

  /** Failures for one username from one address: what stops guessing one password. */
  static final int USERNAME_AND_ADDRESS_FREE_ATTEMPTS = 5;

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    Clock clock = Clock.systemUTC();
    FailedSignIns failures = new FailedSignIns(clock);
    servletContext.setAttribute(FailedSignIns.ATTRIBUTE, failures);
    LoginThrottleHandler.Throttles throttles =
        new LoginThrottleHandler.Throttles(
            new LoginThrottle(clock, ADDRESS_FREE_ATTEMPTS),
            new LoginThrottle(clock, USERNAME_FREE_ATTEMPTS),
            new LoginThrottle(clock, USERNAME_AND_ADDRESS_FREE_ATTEMPTS),
            new DeviceTokens(new SecureRandom()),
            DirectoryProbe.fromSystemProperty(clock),
            failures);
    deploymentInfo.addInitialHandlerChainWrapper(next -> new LoginThrottleHandler(next, throttles));
    boolean alwaysSecure = Boolean.parseBoolean(System.getenv("VENTANILLA_SECURE_COOKIES"));
    // Outermost, so the throttle's own answers get the headers too.
    deploymentInfo.addInitialHandlerChainWrapper(next -> new ResponseHardening(next, alwaysSecure));
  }
}
