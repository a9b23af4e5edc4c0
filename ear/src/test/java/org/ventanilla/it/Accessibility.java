package org.ventanilla.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (src/test/resources/axe, MPL-2.0) run in the page the browser shows: WCAG 2.1 A and AA
 * rules; what it finds at the impacts "serious" and "critical" comes back as one line per rule and
 * element, to fail a test with.
 */
final class Accessibility {

  private static final String AXE = read("/axe/axe.min.js");

  private Accessibility() {}

  /** One finding: the rule, its impact, the element's selector and axe's summary of what fails. */
  record Violation(String rule, String impact, String target, String summary) {
    @Override
    public String toString() {
      return rule + " (" + impact + ") at " + target + ": " + summary;
    }
  }

  /** The serious and critical WCAG 2.1 A/AA violations of the page shown now. */
  @SuppressWarnings("unchecked")
  static List<Violation> serious(Browser browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    // Injected through WebDriver (CDP), which the page's Content-Security-Policy does not govern.
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(AXE);
    }
    Object result =
        js.executeAsyncScript(
            """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag',
                                         values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
              .then(function (r) {
                var out = [];
                r.violations.forEach(function (v) {
                  if (v.impact !== 'serious' && v.impact !== 'critical') { return; }
                  v.nodes.forEach(function (n) {
                    out.push({rule: v.id, impact: v.impact, target: n.target.join(' '),
                              summary: (n.failureSummary || '').replace(/\\s+/g, ' ').substring(0, 300)});
                  });
                });
                done(out);
              })
              .catch(function (e) { done([{rule: 'axe-error', impact: 'critical', target: '',
                                          summary: String(e)}]); });
            """);
    List<Violation> violations = new ArrayList<>();
    for (Object o : (List<Object>) result) {
      Map<String, Object> m = (Map<String, Object>) o;
      violations.add(
          new Violation(
              (String) m.get("rule"),
              (String) m.get("impact"),
              (String) m.get("target"),
              (String) m.get("summary")));
    }
    return violations;
  }

  /** Whether the page scrolls sideways (wider than the window). */
  static boolean scrollsSideways(Browser browser) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "return (document.scrollingElement || document.documentElement).scrollWidth > window.innerWidth;"));
  }

  private static String read(String resource) {
    try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
