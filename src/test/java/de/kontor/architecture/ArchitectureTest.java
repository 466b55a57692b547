package de.kontor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/architecture.md, each with its reason. */
class ArchitectureTest {
    private static JavaClasses kontor;

    @BeforeAll
    static void importClasses() {
        kontor = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kontor");
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("de.kontor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..", "org.h2..",
                        "com.fasterxml..", "org.apache.pdfbox..", "org.flywaydb..", "picocli..",
                        "de.kontor.store..", "de.kontor.service..", "de.kontor.ui..", "de.kontor.cli..", "de.kontor.app..")
                .because("the rules of a CRM must be testable and reusable without a database, a window or a file format")
                .check(kontor);
    }

    @Test
    void onlyTheStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackage("de.kontor.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.h2..", "org.flywaydb..")
                .because("all SQL lives in one package, so a PostgreSQL backend and every erasure path can be checked there")
                .check(kontor);
    }

    @Test
    void windowAndCommandLineCallServicesNotTheStore() {
        noClasses().that().resideInAnyPackage("de.kontor.ui..", "de.kontor.cli..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("de.kontor.store.."),
                        com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("DataFolder"))))
                .because("the window and the command line may name the data folder, but reach data only through services")
                .check(kontor);
    }

    @Test
    void servicesKnowNoWindow() {
        noClasses().that().resideOutsideOfPackages("de.kontor.ui..", "de.kontor")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("services and the command line must run without a JavaFX toolkit")
                .check(kontor);
    }

    @Test
    void noPackageCycles() {
        slices().matching("de.kontor.(*)..").should().beFreeOfCycles()
                .because("layers that depend on each other cannot be understood or tested one at a time")
                .check(kontor);
    }

    @Test
    void noMutableStatics() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideOutsideOfPackage("de.kontor.store.jooq..")
                .should().beFinal()
                .because("global mutable state hides dependencies; everything is wired once in the composition root")
                .check(kontor);
    }

    @Test
    void onlyTheStoreSeesGeneratedJooqCode() {
        noClasses().that().resideOutsideOfPackage("de.kontor.store..")
                .should().dependOnClassesThat().resideInAPackage("de.kontor.store.jooq..")
                .because("generated table classes are an implementation detail of the store")
                .check(kontor);
    }

    @Test
    void onlyTheErasurePathRemovesPersonalValues() {
        noClasses().that().doNotHaveSimpleName("ErasureService").and().doNotHaveSimpleName("RetentionService")
                .and().doNotHaveSimpleName("Workspace").and().resideOutsideOfPackage("de.kontor.store..")
                .should().dependOnClassesThat().haveSimpleName("ErasureStore")
                .because("erasing values from the tables and the audit trail must go through the audited, compacting "
                        + "erasure path, so nothing personal survives in the file")
                .check(kontor);
    }
}
