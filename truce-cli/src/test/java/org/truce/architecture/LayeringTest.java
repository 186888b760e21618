package org.truce.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One engine, several doors: the domain and the assessment engine are plain Java. These rules
 * fail the build when a core package reaches for an adapter (formats, CLI, storage, web) or for
 * an I/O framework.
 */
class LayeringTest {

    private static final String[] CORE = {
        "org.truce.agreement..", "org.truce.assessment..", "org.truce.facility..", "org.truce.geo..",
        "org.truce.report..", "org.truce.target..", "org.truce.zone..", "org.truce.incident..",
        "org.truce.record..", "org.truce.access..", "org.truce.exchange..", "org.truce.timeline.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.truce");
    }

    @Test
    void coreDoesNotDependOnAdapters() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.truce.format..", "org.truce.cli..", "org.truce.store..", "org.truce.server..")
                .because("adapters depend on the core, never the other way round")
                .check(classes);
    }

    @Test
    void coreUsesNoIoFramework() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "picocli..", "java.sql..", "javax.sql..", "io.javalin..",
                        "org.eclipse.jetty..", "jakarta.servlet..", "org.jdbi..", "org.flywaydb..")
                .because("the engine must run unchanged in the CLI, the server and a distributed job")
                .check(classes);
    }

    @Test
    void everyPackageOfTheCoreModuleIsGuardedByTheseRules() {
        // A new core package that is not listed above would escape both rules without a word.
        Set<String> unguarded = new TreeSet<>();
        int coreClasses = 0;
        for (JavaClass c : classes) {
            boolean inCoreModule = c.getSource().map(s -> s.getUri().toString().contains("truce-core")).orElse(false);
            coreClasses += inCoreModule ? 1 : 0;
            boolean guarded = Arrays.stream(CORE)
                    .anyMatch(p -> c.getPackageName().equals(p.substring(0, p.length() - 2))
                            || c.getPackageName().startsWith(p.substring(0, p.length() - 1)));
            if (inCoreModule && !guarded) {
                unguarded.add(c.getPackageName());
            }
        }
        assertThat(coreClasses).as("classes found in the truce-core module").isGreaterThan(100);
        assertThat(unguarded).as("truce-core packages missing from CORE").isEmpty();
    }

    @Test
    void extractionDoesNotDependOnTheDoors() {
        noClasses().that().resideInAPackage("org.truce.extraction..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.truce.cli..", "org.truce.server..", "org.truce.store..", "picocli..", "io.javalin..")
                .because("extraction is a library the CLI and, later, the server call")
                .check(classes);
    }

    @Test
    void extractionRulesDoNotUseJsonOnlyItsOutputDoes() {
        noClasses().that().resideInAPackage("org.truce.extraction")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.truce.format..")
                .because("the rules and items are plain Java; only org.truce.extraction.output writes files")
                .check(classes);
    }

    @Test
    void publicationsDoNotDependOnTheServerOrTheCli() {
        noClasses().that().resideInAPackage("org.truce.publication..")
                .should().dependOnClassesThat().resideInAnyPackage("org.truce.server..", "org.truce.cli..")
                .because("a report is made from the record alone, with or without a running service")
                .check(classes);
    }

    @Test
    void formatsDoNotDependOnTheCli() {
        noClasses().that().resideInAPackage("org.truce.format..")
                .should().dependOnClassesThat().resideInAPackage("org.truce.cli..")
                .check(classes);
    }
}
