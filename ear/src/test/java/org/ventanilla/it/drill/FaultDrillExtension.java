package org.ventanilla.it.drill;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each drill the {@link DrillEnvironment}, started by the first drill and closed when the
 * whole run ends (it lives in the root context's store), and makes sure the servers and the
 * database are up before each drill. Without PostgreSQL the drills are skipped, saying why.
 */
public final class FaultDrillExtension implements BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FaultDrillExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    environment(context).ensureRunning();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DrillEnvironment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return environment(context);
  }

  private static DrillEnvironment environment(ExtensionContext context) {
    Optional<String> missing = DrillEnvironment.missingPrerequisite();
    Assumptions.assumeTrue(missing.isEmpty(), () -> "Fault drills skipped: " + missing.get());
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("environment", k -> DrillEnvironment.start(), DrillEnvironment.class);
  }
}
