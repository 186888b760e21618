package org.truce.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        "org.truce.report..", "org.truce.target..", "org.truce.zone..", "org.truce.incident.."
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
