package io.elbreconcile;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout and dependency rule of STYLE.md, enforced so that it cannot rot. Each package
 * has an allow-list of what it may use; a package missing from {@link #MAY_USE} fails the build,
 * so a new package is added here (and to STYLE.md) in the same commit. No rule may pass vacuously:
 * ArchUnit's default fails a rule whose "that" matches no class, so a renamed package fails too.
 */
class ArchitectureTest {

    private static final String ROOT = "io.elbreconcile.";
    private static final String JDK = "java..";
    private static final String JACKSON = "com.fasterxml.jackson..";

    /** Each package (exactly, not its sub-packages) and the packages its classes may depend on, besides itself. */
    private static final Map<String, List<String>> MAY_USE = mayUse();

    /** "The port": ElbPort, PortError and the types in their signatures; never the SDK adapter or its helpers. */
    private static final String[] PORT = {"io.elbreconcile.aws.ElbPort", "io.elbreconcile.aws.PortError",
            "io.elbreconcile.aws.ErrorKind", "io.elbreconcile.aws.LoadBalancerPage", "io.elbreconcile.aws.CallStats",
            "io.elbreconcile.aws.CallTally"};

    private static JavaClasses main;

    private static Map<String, List<String>> mayUse() {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put("diag", List.of(JDK));
        // DesiredState carries each load balancer's SourceLocation for diagnostics.
        rules.put("model", List.of(JDK, ROOT + "diag"));
        rules.put("spec", List.of(JDK, ROOT + "model", ROOT + "diag", JACKSON, "org.yaml..", "com.networknt.."));
        rules.put("plan.operation", List.of(JDK, ROOT + "model"));
        // javax.crypto: the HMAC-SHA256 of a saved plan (PlanSeal), JDK code outside java..
        rules.put("plan", List.of(JDK, "javax.crypto..", ROOT + "model", ROOT + "diag", ROOT + "plan.operation", JACKSON));
        // Drift runs the planner and classifies its changes.
        rules.put("drift", List.of(JDK, ROOT + "model", ROOT + "plan", ROOT + "plan.operation"));
        rules.put("graph", List.of(JDK, ROOT + "plan", ROOT + "plan.operation", ROOT + "model", "org.jgrapht.."));
        rules.put("importer", List.of(JDK, ROOT + "model", ROOT + "spec"));
        // The port's write takes a plan operation; the adapter maps each to its SDK request.
        rules.put("aws", List.of(JDK, ROOT + "model", ROOT + "diag", ROOT + "plan.operation", "software.amazon.awssdk.."));
        rules.put("observe", List.of(JDK, ROOT + "model", ROOT + "aws"));
        rules.put("apply", List.of(JDK, ROOT + "plan", ROOT + "plan.operation", ROOT + "graph", ROOT + "model", ROOT + "aws"));
        // Runs one reconciliation per target; what a reconciliation is, its caller says.
        rules.put("shard", List.of(JDK));
        rules.put("emulator.engine", List.of(JDK));
        rules.put("emulator.http", List.of(JDK, ROOT + "emulator.engine", "com.sun.net.httpserver.."));
        rules.put("emulator.http.actions", List.of(JDK, ROOT + "emulator.engine", ROOT + "emulator.http"));
        rules.put("emulator", List.of(JDK, ROOT + "emulator.engine", ROOT + "emulator.http", ROOT + "emulator.http.actions",
                JACKSON, "com.sun.net.httpserver.."));
        rules.put("cli.view", List.of(JDK, ROOT + "model", ROOT + "plan", ROOT + "plan.operation", ROOT + "drift",
                ROOT + "graph", ROOT + "diag", JACKSON));
        // One reconciliation of loaded input: load while the target opens, observe, plan; the saved-plan check.
        rules.put("reconcile", List.of(JDK, ROOT + "model", ROOT + "diag", ROOT + "spec", ROOT + "observe", ROOT + "plan",
                ROOT + "drift", ROOT + "apply", ROOT + "aws"));
        // The composition root: it wires everything, and is the only place picocli appears. It reads the
        // target only through reconcile (observe is not on its list).
        rules.put("cli", List.of(JDK, "picocli..", ROOT + "cli.view", ROOT + "reconcile", ROOT + "shard", ROOT + "apply",
                ROOT + "plan", ROOT + "drift", ROOT + "graph", ROOT + "importer", ROOT + "spec", ROOT + "model", ROOT + "diag",
                ROOT + "aws", ROOT + "emulator", ROOT + "emulator.engine"));
        return rules;
    }

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.elbreconcile");
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyItsAllowList() {
        return MAY_USE.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String pkg = ROOT + entry.getKey();
            List<String> allowed = new ArrayList<>(entry.getValue());
            allowed.add(pkg);
            classes().that().resideInAPackage(pkg)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                    .because("STYLE.md's layout lets " + entry.getKey() + " use only " + entry.getValue())
                    .check(main);
        }));
    }

    @Test
    void everyPackageHasAnAllowList() {
        String[] known = MAY_USE.keySet().stream().map(p -> ROOT + p).toArray(String[]::new);
        classes().should().resideInAnyPackage(known)
                .because("a new package is added to STYLE.md's layout and to MAY_USE in the same commit")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.elbreconcile.(**)").should().beFreeOfCycles().check(main);
    }

    /** The allow-lists let observe and apply use {@code aws}; of it they may see only the port's own types. */
    @Test
    void theCoreSeesOnlyThePortNotTheSdkAdapter() {
        DescribedPredicate<JavaClass> awsButNotThePort = DescribedPredicate.describe("are in aws but not the port "
                + List.of(PORT), c -> c.getPackageName().equals("io.elbreconcile.aws") && !List.of(PORT).contains(c.getName()));
        noClasses().that().resideOutsideOfPackages("io.elbreconcile.aws", "io.elbreconcile.cli")
                .should().dependOnClassesThat(awsButNotThePort).check(main);
    }

    @Test
    void theEmulatorEngineKnowsNoHttp() {
        noClasses().that().resideInAPackage("io.elbreconcile.emulator.engine")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..")
                .because("the engine is pure transitions over a world; HTTP belongs to emulator.http").check(main);
    }
}
