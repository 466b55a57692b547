package de.kontor.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The window talks to services only. */
class UiArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.kontor");

    @Test
    void windowDoesNotTouchTheStoreOrSql() {
        noClasses().that().resideInAPackage("de.kontor.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.h2..")
                .because("the window calls services; only the store touches the database")
                .check(CLASSES);
        noClasses().that().resideInAPackage("de.kontor.ui..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "store classes other than DataFolder",
                        c -> c.getPackageName().startsWith("de.kontor.store")
                                && !c.getName().equals("de.kontor.store.DataFolder")))
                .because("the data folder is only where the files are; reading rows goes through services")
                .check(CLASSES);
    }

    @Test
    void viewModelsDoNotKnowControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .because("view models are tested without the FX toolkit")
                .check(CLASSES);
    }
}
