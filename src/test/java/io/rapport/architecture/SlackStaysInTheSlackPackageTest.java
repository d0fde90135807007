package io.rapport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Services take and return domain values: only {@code io.rapport.slack} (Block Kit, mrkdwn, the
 * gateway, the Bolt app and its listeners) may use the Slack SDK; the composition root and the
 * capability modules wire Slack's parts without naming a Slack type. Services may use
 * {@code io.rapport.slack.views} renderers (the words and blocks of a surface) and nothing else of
 * {@code io.rapport.slack}. Read from the compiled classes, so a fully qualified name in the code
 * counts as much as an import.
 */
class SlackStaysInTheSlackPackageTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.rapport");

  private static boolean inSlack(JavaClass c) {
    return c.getPackageName().equals("io.rapport.slack") || c.getPackageName().startsWith("io.rapport.slack.");
  }

  /**
   * The composition: the root, the capability modules, which wire services to Slack, and the
   * {@code serve} command, which starts the bot and prints Slack's next steps.
   */
  private static boolean composes(JavaClass c) {
    String top = topLevelName(c);
    return c.getPackageName().equals("io.rapport.modules") || top.equals("io.rapport.Rapport")
        || top.equals("io.rapport.cli.ServeCommand");
  }

  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  @Test
  void onlyTheSlackPackageUsesSlackSdkTypes() {
    noClasses()
        .that(DescribedPredicate.describe("are outside io.rapport.slack", (JavaClass c) -> !inSlack(c)))
        .should().dependOnClassesThat().resideInAPackage("com.slack.api..")
        .because("services take and return domain values, and the modules wire listeners through"
            + " io.rapport.slack.Routes; Block Kit, mrkdwn, Bolt and Web API calls live in io.rapport.slack")
        .check(MAIN);
  }

  @Test
  void servicesUseNothingOfTheSlackPackageButItsRenderers() {
    noClasses()
        .that(DescribedPredicate.describe("are services (outside io.rapport.slack and the composition)",
            (JavaClass c) -> !inSlack(c) && !composes(c)))
        .should().dependOnClassesThat(DescribedPredicate.describe("are in io.rapport.slack but not its views",
            (JavaClass t) -> inSlack(t) && !t.getPackageName().equals("io.rapport.slack.views")))
        .because("a service reaches Slack through a port (Transport, ReportOutlet, an Executor), never"
            + " through the gateway, the listeners or the Bolt app")
        .check(MAIN);
  }
}
