package de.kontor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code src/docs/architecture.md}, checked on the shipped classes (not the
 * tests), each with its reason. Layers and packages as in the table there.
 */
class ArchitectureTest {
    private static final String DOMAIN = "de.kontor.domain..";
    private static final String STORE = "de.kontor.store..";
    private static final String JOOQ_GENERATED = "de.kontor.store.jooq..";

    /** Libraries that are the database: only the store may name them. */
    private static final String[] SQL = {"org.jooq..", "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb.."};

    /** Libraries of the window. */
    private static final String[] JAVAFX = {"javafx..", "org.controlsfx..", "atlantafx..", "org.testfx.."};

    /**
     * The one static field that holds mutable state, with its reason: H2 keeps file systems in
     * a JVM-wide registry ({@code FilePath.register}) and creates their path objects itself by
     * reflection, so the file passwords cannot reach them through a constructor. Frozen here:
     * any other mutable static fails the rule.
     */
    private static final Set<String> MUTABLE_STATIC_EXCEPTIONS = Set.of("de.kontor.store.XtsKeys.KEYS");

    private static JavaClasses kontor;

    @BeforeAll
    static void importClasses() {
        kontor = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kontor");
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy(DOMAIN)
                .layer("security policy").definedBy(securityPolicy())
                .layer("security").definedBy(resideInAPackage("de.kontor.security..").and(not(securityPolicy())))
                .layer("data folder").definedBy(dataFolder())
                .layer("store").definedBy(resideInAPackage(STORE).and(not(dataFolder())))
                .layer("service").definedBy("de.kontor.service..")
                .layer("report").definedBy("de.kontor.report..")
                .layer("privacy").definedBy("de.kontor.privacy..")
                .layer("dedupe").definedBy("de.kontor.dedupe..")
                .layer("exchange").definedBy("de.kontor.exchange..")
                .layer("app").definedBy("de.kontor.app..")
                .layer("demo and bench").definedBy("de.kontor.demo..", "de.kontor.bench..")
                .layer("i18n").definedBy("de.kontor.i18n..")
                .layer("cli").definedBy("de.kontor.cli..")
                .layer("ui").definedBy("de.kontor.ui..")
                .layer("launcher").definedBy("de.kontor")
                .whereLayer("domain").mayNotAccessAnyLayer()
                .whereLayer("security policy").mayOnlyAccessLayers("domain")
                .whereLayer("security").mayOnlyAccessLayers("domain", "security policy")
                .whereLayer("data folder").mayOnlyAccessLayers("domain")
                .whereLayer("store").mayOnlyAccessLayers("domain", "security policy", "security", "data folder")
                .whereLayer("service").mayOnlyAccessLayers("domain", "store", "data folder")
                .whereLayer("report").mayOnlyAccessLayers("domain")
                .whereLayer("privacy").mayOnlyAccessLayers("domain", "service", "store", "data folder", "report")
                .whereLayer("dedupe").mayOnlyAccessLayers("domain", "service", "store", "privacy")
                .whereLayer("exchange").mayOnlyAccessLayers("domain", "service", "store", "data folder", "privacy",
                        "dedupe", "report", "security policy")
                .whereLayer("app").mayOnlyAccessLayers("domain", "security policy", "security", "data folder", "store",
                        "service", "report", "privacy", "dedupe", "exchange", "i18n")
                .whereLayer("demo and bench").mayOnlyAccessLayers("domain", "security policy", "security",
                        "data folder", "store", "service", "privacy", "dedupe", "exchange", "app")
                .whereLayer("i18n").mayOnlyAccessLayers("domain")
                .whereLayer("cli").mayOnlyAccessLayers("domain", "security policy", "data folder", "service",
                        "privacy", "dedupe", "exchange", "app", "demo and bench", "i18n")
                .whereLayer("ui").mayOnlyAccessLayers("domain", "security policy", "data folder", "service",
                        "privacy", "dedupe", "exchange", "app", "i18n")
                .whereLayer("launcher").mayOnlyAccessLayers("cli", "ui")
                .because("each layer is understood and tested with only the layers below it (architecture.md's table); "
                        + "the window and the command line reach data only through services and the app's Workspace, "
                        + "never the store or the key slots; the benchmark alone measures the store and the key "
                        + "derivation directly")
                .check(kontor);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(concat(SQL, JAVAFX,
                        "com.fasterxml..", "org.apache.pdfbox..", "org.apache.xmpbox..", "picocli..",
                        "org.bouncycastle..", "ezvcard..", "jakarta.mail..", "org.slf4j.."))
                .because("the rules of a CRM must be testable and reusable without a database, a window or a file format")
                .check(kontor);
    }

    @Test
    void onlyTheStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(SQL)
                .because("all SQL lives in one package, so a PostgreSQL backend and every erasure path can be checked there")
                .check(kontor);
    }

    @Test
    void onlyTheStoreSeesGeneratedJooqCode() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAPackage(JOOQ_GENERATED)
                .because("generated table classes are an implementation detail of the store")
                .check(kontor);
    }

    @Test
    void windowAndCommandLineReachDataOnlyThroughServices() {
        noClasses().that().resideInAnyPackage("de.kontor.ui..", "de.kontor.cli..")
                .should().dependOnClassesThat(resideInAPackage(STORE).and(not(dataFolder())))
                .orShould().dependOnClassesThat(resideInAPackage("de.kontor.security..").and(not(securityPolicy())))
                .because("the window and the command line may name the data folder and show the password rules, "
                        + "but reach rows and key slots only through services and the Workspace, which check roles "
                        + "and write the audit trail")
                .check(kontor);
    }

    @Test
    void nothingOutsideTheWindowKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("de.kontor.ui..", "de.kontor")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
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
    void noCyclesBetweenTheWindowsFeatures() {
        slices().matching("de.kontor.ui.(*)..").should().beFreeOfCycles()
                // Frozen, the one known cycle: the settings page shows the backup section, and the
                // backup view model keeps its generations in UiSettings (ui.settings). Moving
                // UiSettings out of ui.settings ends it; no other cycle may appear.
                .ignoreDependency(resideInAPackage("de.kontor.ui.backup.."),
                        describe("UiSettings", c -> topLevel(c).equals("de.kontor.ui.settings.UiSettings")))
                .because("each feature of the window is built and tested on its own")
                .check(kontor);
    }

    @Test
    void noMutableStatics() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideOutsideOfPackage(JOOQ_GENERATED)
                .and(describe("not the documented exception", f -> !MUTABLE_STATIC_EXCEPTIONS.contains(f.getFullName())))
                .should(new ArchCondition<JavaField>("be final constants of immutable types (String, primitives, "
                        + "boxed, enums, Pattern, DateTimeFormatter, Logger, records of those)") {
                    @Override
                    public void check(JavaField f, ConditionEvents events) {
                        if (mutable(f)) {
                            events.add(SimpleConditionEvent.violated(f, f.getFullName() + " of type "
                                    + f.getRawType().getName() + " is mutable state in " + f.getSourceCodeLocation()));
                        }
                    }
                })
                .because("global mutable state hides dependencies and leaks between workspaces and tests; "
                        + "everything is wired once in the composition root")
                .check(kontor);
    }

    @Test
    void theMutableStaticExceptionStillExists() {
        // Keeps the exception list honest: an entry for a field that is gone must be removed.
        for (String name : MUTABLE_STATIC_EXCEPTIONS) {
            String owner = name.substring(0, name.lastIndexOf('.'));
            String field = name.substring(name.lastIndexOf('.') + 1);
            assertThat(kontor.get(owner).tryGetField(field)).as(name).isPresent();
        }
    }

    @Test
    void onlyTheErasurePathUsesTheErasureStore() {
        noClasses().that(not(erasurePath())).and().resideOutsideOfPackage(STORE)
                .and().doNotHaveFullyQualifiedName("de.kontor.app.Workspace")
                .should().dependOnClassesThat().haveFullyQualifiedName("de.kontor.store.ErasureStore")
                .because("erasing values from the tables and the audit trail must go through the audited, compacting "
                        + "erasure path, so nothing personal survives in the file")
                .check(kontor);
    }

    @Test
    void onlyTheErasurePathCallsWhatDeletesPeople() {
        noClasses().that(not(erasurePath())).and().resideOutsideOfPackage(STORE)
                .should().callMethodWhere(describe("the target deletes a person's rows", ArchitectureTest::deletesPeople))
                .because("a person's rows leave the database only through the erasure path (decision 0013), which "
                        + "also removes the values from the audit trail and compacts the file")
                .check(kontor);
    }

    /**
     * Byte code does not show which table a jOOQ delete names, so the source is read: only the
     * erasure store deletes from the person table.
     */
    @Test
    void onlyTheErasureStoreDeletesFromThePersonTable() throws IOException {
        Pattern delete = Pattern.compile("deleteFrom\\((Tables\\.)?PERSON\\)|DELETE\\s+FROM\\s+PERSON\\b",
                Pattern.CASE_INSENSITIVE);
        Path main = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("de", "kontor", "store", "ErasureStore.java")))
                    .filter(p -> delete.matcher(read(p)).find())
                    .toList();
            assertThat(offenders).as("files that delete from the person table outside ErasureStore").isEmpty();
        }
        assertThat(delete.matcher(read(main.resolve("de/kontor/store/ErasureStore.java"))).find())
                .as("the pattern still finds the erasure store's delete").isTrue();
    }

    // --- predicates -------------------------------------------------------------------------

    /**
     * Rules about passwords and key derivation parameters (plain values the window may show), and
     * how files are created owner-only (every file the window or command line writes).
     */
    private static DescribedPredicate<JavaClass> securityPolicy() {
        return describe("security policy (PasswordPolicy, KdfParams, OwnerOnlyFiles)",
                c -> topLevel(c).equals("de.kontor.security.PasswordPolicy")
                        || topLevel(c).equals("de.kontor.security.KdfParams")
                        || topLevel(c).equals("de.kontor.security.OwnerOnlyFiles"));
    }

    /** Where the files are: the window and the command line may name it. */
    private static DescribedPredicate<JavaClass> dataFolder() {
        return describe("the data folder", c -> topLevel(c).equals("de.kontor.store.DataFolder"));
    }

    private static DescribedPredicate<JavaClass> erasurePath() {
        return describe("the erasure path (ErasureService, RetentionService)",
                c -> Set.of("de.kontor.privacy.ErasureService", "de.kontor.privacy.RetentionService").contains(topLevel(c)));
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** The store methods that delete a person's rows (all found by the source rule below). */
    private static boolean deletesPeople(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return owner.equals("de.kontor.store.ErasureStore")
                && (name.startsWith("delete") || name.equals("anonymise") || name.startsWith("erase"))
                || owner.equals("de.kontor.store.PersonStore") && name.startsWith("delete")
                || owner.equals("de.kontor.store.DedupeStore") && name.startsWith("delete");
    }

    /** Types whose instances cannot change: constants of these are fine. */
    private static final Set<String> IMMUTABLE = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Character", "java.math.BigDecimal", "java.math.BigInteger", Pattern.class.getName(),
            DateTimeFormatter.class.getName(), "java.time.Duration", "java.time.Instant", "java.time.LocalDate",
            "java.time.Period", "java.time.ZoneId", "java.util.Locale", "java.nio.charset.Charset",
            "java.nio.file.Path", "java.util.HexFormat", "java.util.Base64$Encoder", "java.util.Base64$Decoder",
            "java.lang.invoke.VarHandle", "org.slf4j.Logger", "javafx.scene.input.KeyCombination");

    /**
     * Library types that are not immutable but are configured once in the static initializer
     * and are safe to share between threads afterwards (their documentation says so). Sharing
     * them carries no state from one use to the next.
     */
    private static final Set<String> SHARED_AFTER_SETUP = Set.of(
            "com.fasterxml.jackson.databind.ObjectMapper", // thread-safe once configured
            "org.apache.commons.text.similarity.JaroWinklerSimilarity", // stateless
            "java.util.Comparator", // built from comparing(...): stateless
            "org.jooq.Field", // a query part, immutable
            "com.google.i18n.phonenumbers.PhoneNumberUtil"); // libphonenumber's thread-safe singleton

    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Collection", "java.util.SortedSet", "java.util.SortedMap", "java.util.NavigableMap");

    private static boolean mutable(JavaField f) {
        if (f.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return false; // enum $VALUES, $assertionsDisabled, switch maps: written by javac, never changed
        }
        if (!f.getModifiers().contains(JavaModifier.FINAL)) {
            return true;
        }
        JavaClass t = f.getRawType();
        if (COLLECTIONS.contains(t.getName())) {
            return !unmodifiableValue(f);
        }
        return !immutableType(t, 0) && !SHARED_AFTER_SETUP.contains(t.getName());
    }

    /** Types whose instances cannot change: listed, enums, primitives, and classes of only final fields of such types. */
    private static boolean immutableType(JavaClass t, int depth) {
        if (t.isPrimitive() || t.isEnum() || IMMUTABLE.contains(t.getName())) {
            return true;
        }
        if (t.isArray() || t.isInterface() || depth > 3 || !t.getPackageName().startsWith("de.kontor")) {
            return false;
        }
        return t.getAllFields().stream().filter(x -> !x.getModifiers().contains(JavaModifier.STATIC))
                .allMatch(x -> x.getModifiers().contains(JavaModifier.FINAL) && (immutableType(x.getRawType(), depth + 1)
                        || SHARED_AFTER_SETUP.contains(x.getRawType().getName())
                        || COLLECTIONS.contains(x.getRawType().getName())));
    }

    /**
     * A collection constant is fine when its value cannot change (List.of, Set.copyOf,
     * Collections.unmodifiable..., Stream.toList): byte code does not tell, so the value is read.
     */
    private static boolean unmodifiableValue(JavaField f) {
        try {
            java.lang.reflect.Field field = f.reflect();
            field.setAccessible(true);
            Object value = field.get(null);
            String type = value == null ? "" : value.getClass().getName();
            return value == null || type.startsWith("java.util.ImmutableCollections$")
                    || type.startsWith("java.util.Collections$Unmodifiable") || type.startsWith("java.util.Collections$Empty")
                    || type.startsWith("java.util.Collections$Singleton");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot read the constant " + f.getFullName(), e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String[] b, String... more) {
        return Stream.of(a, b, more).flatMap(Stream::of).toArray(String[]::new);
    }
}
