package org.ventanilla.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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

  /**
   * Arquillian's test runner servlet must answer without a login; every other page stays behind the
   * module's own security constraints.
   */
  private static void openTestRunner(WebArchive web) {
    Node node = web.get("WEB-INF/web.xml");
    String xml;
    try (InputStream in = node.getAsset().openStream()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String publicApi = "<url-pattern>/api/*</url-pattern>";
    if (!xml.contains(publicApi)) {
      throw new IllegalStateException("web.xml no longer has the public API pattern");
    }
    web.delete("WEB-INF/web.xml");
    web.setWebXML(
        new StringAsset(
            xml.replace(
                publicApi, publicApi + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")));
  }

  /** The EAR with the given test classes added to its web module, for in-container tests. */
  public static EnterpriseArchive earWith(Class<?>... testClasses) {
    EnterpriseArchive ear = ear();
    WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
    web.addClasses(testClasses);
    web.addClass(Deployments.class);
    openTestRunner(web);
    return ear;
  }
}
