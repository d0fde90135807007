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
 * gateway, the listeners) and the composition root ({@code io.rapport.Rapport} and
 * {@code io.rapport.modules}, which register the listeners) may use the Slack SDK. Read from the
 * compiled classes, so a fully qualified {@code com.slack.api} name in the code counts as much as
 * an import.
 */
class SlackStaysInTheSlackPackageTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.rapport");

  /** Where the Slack SDK belongs. */
  private static boolean mayUseSlack(JavaClass c) {
    String name = c.getName();
    return name.startsWith("io.rapport.slack.") || name.startsWith("io.rapport.modules.")
        || topLevelName(c).equals("io.rapport.Rapport");
  }

  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  @Test
  void onlyTheSlackPackageAndTheCompositionRootUseSlackSdkTypes() {
    noClasses()
        .that(DescribedPredicate.describe("are outside io.rapport.slack, the modules and the root",
            (JavaClass c) -> !mayUseSlack(c)))
        .should().dependOnClassesThat().resideInAPackage("com.slack.api..")
        .because("services take and return domain values; Block Kit, mrkdwn and Web API calls live in io.rapport.slack")
        .check(MAIN);
  }
}
