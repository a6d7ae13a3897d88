package io.elbreconcile;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package dependency rule of STYLE.md, enforced so that it cannot rot. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.elbreconcile");
    }

    @Test
    void onlyTheAwsAdapterTalksToTheSdk() {
        rule(noClasses().that().resideOutsideOfPackage("io.elbreconcile.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.."));
    }

    @Test
    void onlyTheCliUsesPicocli() {
        rule(noClasses().that().resideOutsideOfPackage("io.elbreconcile.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli.."));
    }

    @Test
    void nothingDependsOnTheCli() {
        rule(noClasses().that().resideOutsideOfPackage("io.elbreconcile.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.elbreconcile.cli.."));
    }

    @Test
    void theCoreSeesOnlyThePortNotTheSdkAdapter() {
        rule(noClasses().that().resideInAnyPackage("io.elbreconcile.model..", "io.elbreconcile.diag..",
                        "io.elbreconcile.spec..", "io.elbreconcile.plan..", "io.elbreconcile.graph..",
                        "io.elbreconcile.drift..", "io.elbreconcile.importer..")
                .should().dependOnClassesThat().resideInAPackage("io.elbreconcile.aws.."));
        rule(noClasses().that().resideOutsideOfPackages("io.elbreconcile.aws..", "io.elbreconcile.cli..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("SdkElb"));
    }

    @Test
    void theEmulatorSharesNothingWithTheReconciler() {
        rule(noClasses().that().resideInAPackage("io.elbreconcile.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.elbreconcile.model..", "io.elbreconcile.spec..",
                        "io.elbreconcile.plan..", "io.elbreconcile.observe..", "io.elbreconcile.apply..",
                        "io.elbreconcile.aws..", "io.elbreconcile.graph..", "io.elbreconcile.drift..",
                        "io.elbreconcile.importer..", "io.elbreconcile.diag.."));
        rule(noClasses().that().resideOutsideOfPackages("io.elbreconcile.emulator..", "io.elbreconcile.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.elbreconcile.emulator.."));
    }

    @Test
    void theEmulatorEngineKnowsNoHttp() {
        rule(noClasses().that().resideInAPackage("io.elbreconcile.emulator.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "java.net..",
                        "io.elbreconcile.emulator.http.."));
    }

    @Test
    void jacksonStaysAtTheEdges() {
        rule(noClasses().that().resideInAnyPackage("io.elbreconcile.model..", "io.elbreconcile.diag..",
                        "io.elbreconcile.observe..", "io.elbreconcile.graph..", "io.elbreconcile.apply..",
                        "io.elbreconcile.drift..", "io.elbreconcile.aws..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.."));
    }

    @Test
    void onlyTheSpecLoaderParsesYamlAndValidatesSchemas() {
        rule(noClasses().that().resideOutsideOfPackage("io.elbreconcile.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "com.networknt.."));
    }

    private static void rule(ArchRule rule) {
        // Empty is allowed so that the rules hold while a package does not exist yet.
        rule.allowEmptyShould(true).check(main);
    }
}
