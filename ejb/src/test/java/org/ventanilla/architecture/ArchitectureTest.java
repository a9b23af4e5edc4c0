package org.ventanilla.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.ventanilla.archfixture.up.Upper;
import org.ventanilla.ticket.archfixture.CleanTicket;
import org.ventanilla.ticket.archfixture.TicketThatKnowsAChannel;

/**
 * The shape the packages promise (see the package docs): capabilities without import cycles, the
 * ticket domain without channels, the EJB module without the web. Each rule is also run over a bad
 * fixture in the test sources, so a rule that could never fail would be noticed.
 */
class ArchitectureTest {

  private static final String ROOT = "org.ventanilla.";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ventanilla");

  /** One slice per package: channel.email may use channel, but channel using it back is a cycle. */
  private static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
          String pkg = type.getPackageName();
          return pkg.startsWith(ROOT)
              ? SliceIdentifier.of(pkg.substring(ROOT.length()))
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "capability packages of org.ventanilla";
        }
      };

  static ArchRule noCycleBetweenCapabilities() {
    return slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();
  }

  static ArchRule ticketKnowsNoChannel() {
    return noClasses()
        .that()
        .resideInAPackage("org.ventanilla.ticket..")
        .should()
        .dependOnClassesThat(
            describe(
                "reside in a channel package",
                (JavaClass c) -> c.getPackageName().startsWith(ROOT + "channel")));
  }

  static ArchRule ejbKnowsNoWeb() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("org.ventanilla.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ventanilla.web..");
  }

  @Test
  void capabilityPackagesHaveNoImportCycle() {
    noCycleBetweenCapabilities().check(MAIN);
  }

  @Test
  void ticketDomainImportsNoChannel() {
    ticketKnowsNoChannel().check(MAIN);
  }

  @Test
  void ejbModuleImportsNothingFromTheWeb() {
    ejbKnowsNoWeb().check(MAIN);
  }

  @Test
  void aCycleBetweenTwoPackagesIsReported() {
    EvaluationResult result =
        noCycleBetweenCapabilities()
            .evaluate(new ClassFileImporter().importPackages("org.ventanilla.archfixture"));
    assertTrue(result.hasViolation(), result.getFailureReport().toString());
    assertTrue(
        result.getFailureReport().toString().contains(Upper.class.getSimpleName()),
        result.getFailureReport().toString());
  }

  @Test
  void aTicketClassImportingAChannelIsReported() {
    JavaClasses bad = new ClassFileImporter().importClasses(TicketThatKnowsAChannel.class);
    EvaluationResult result = ticketKnowsNoChannel().evaluate(bad);
    assertTrue(result.hasViolation(), result.getFailureReport().toString());
    assertTrue(
        result.getFailureReport().toString().contains("SendResult"),
        result.getFailureReport().toString());
  }

  @Test
  void theRulesPassOverCleanCode() {
    JavaClasses clean = new ClassFileImporter().importClasses(Upper.Clean.class, CleanTicket.class);
    assertFalse(noCycleBetweenCapabilities().evaluate(clean).hasViolation());
    assertFalse(ticketKnowsNoChannel().evaluate(clean).hasViolation());
  }
}
