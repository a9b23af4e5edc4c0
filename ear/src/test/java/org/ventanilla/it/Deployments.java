package org.ventanilla.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way tests deploy: the real EAR the build produced, never a hand-picked list of classes.
 * In-container tests travel inside its web module.
 */
public final class Deployments {

  static final String WEB_MODULE = "ventanilla-web.war";

  private Deployments() {}

  /** The EAR exactly as built, for tests that talk to it over HTTP. */
  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("it.ear", "target/ventanilla.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("Build the EAR first (mvn verify): " + ear);
    }
    return ShrinkWrap.create(ZipImporter.class, "ventanilla.ear")
        .importFrom(ear)
        .as(EnterpriseArchive.class);
  }

  /** The EAR with the given test classes added to its web module, for in-container tests. */
  public static EnterpriseArchive earWith(Class<?>... testClasses) {
    EnterpriseArchive ear = ear();
    WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
    web.addClasses(testClasses);
    web.addClass(Deployments.class);
    return ear;
  }
}
