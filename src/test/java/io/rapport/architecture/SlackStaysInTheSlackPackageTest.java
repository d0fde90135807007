package io.rapport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Services take and return domain values: only {@code io.rapport.slack} (Block Kit, mrkdwn, the
 * gateway, the listeners) and the composition root ({@code io.rapport.Rapport} and
 * {@code io.rapport.modules}, which register the listeners) may use the Slack SDK. Read from the
 * compiled classes, so a fully qualified {@code com.slack.api} name in the code counts as much as
 * an import.
 */
class SlackStaysInTheSlackPackageTest {
  /**
   * Classes outside those packages that still use the Slack SDK, each to be moved behind a port.
   * The goal is an EMPTY set: whoever frees a class of Slack types removes its line here (the
   * second test fails until they do). Those left are the prompt and flag classes the outbox work
   * (issue 10, "road") moves onto the outbox and behind ports.
   */
  static final Set<String> NOT_YET_FREE_OF_SLACK = Set.of(
      "io.rapport.prompt.PromptResponses",
      "io.rapport.prompt.DirectMessageReply");

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

  private static boolean usesSlack(JavaClass c) {
    return c.getDirectDependenciesFromSelf().stream()
        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("com.slack.api"));
  }

  @Test
  void onlyTheSlackPackageAndTheCompositionRootUseSlackSdkTypes() {
    noClasses()
        .that(DescribedPredicate.describe("are outside io.rapport.slack, the modules and the root",
            (JavaClass c) -> !mayUseSlack(c)))
        .and(DescribedPredicate.describe("are not on the not-yet-free list",
            (JavaClass c) -> !NOT_YET_FREE_OF_SLACK.contains(topLevelName(c))))
        .should().dependOnClassesThat().resideInAPackage("com.slack.api..")
        .because("services take and return domain values; Block Kit, mrkdwn and Web API calls live in io.rapport.slack")
        .check(MAIN);
  }

  @Test
  void theNotYetFreeListNamesOnlyClassesThatStillUseSlack() {
    Set<String> stillUsingSlack = new TreeSet<>();
    for (JavaClass c : MAIN) {
      if (!mayUseSlack(c) && usesSlack(c)) {
        stillUsingSlack.add(topLevelName(c));
      }
    }
    assertThat(stillUsingSlack)
        .as("a class freed of Slack types must leave NOT_YET_FREE_OF_SLACK (the goal is an empty list)")
        .containsExactlyInAnyOrderElementsOf(NOT_YET_FREE_OF_SLACK);
  }
}
