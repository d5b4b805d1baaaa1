package vn.neuguong.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries every service keeps (docs/conventions.md), checked on its compiled main classes by its
 * {@code ArchitectureTest}: no service reaches into another's code or into the embedded infrastructure of machines
 * without MongoDB, the web layer does not touch persistence, only stores build queries, and feature packages do not
 * depend on each other in a cycle.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("vn.neuguong.pledge", "vn.neuguong.recognition",
            "vn.neuguong.reporting", "vn.neuguong.gateway");

    /** A {@code *Store}, a {@code *Repository} or an {@code @Repository}, with the classes nested in it. */
    private static final DescribedPredicate<JavaClass> STORES = DescribedPredicate.describe("stores",
            javaClass -> {
                JavaClass outermost = javaClass;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                return outermost.getSimpleName().endsWith("Store") || outermost.getSimpleName().endsWith("Repository")
                        || outermost.isAnnotatedWith("org.springframework.stereotype.Repository");
            });

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
    }

    public void checkAll() {
        otherServicesAreNotUsed().check(classes);
        embeddedInfrastructureIsNotUsed().check(classes);
        controllersDoNotTouchPersistence().check(classes);
        queriesAreBuiltByStores().check(classes);
        featurePackagesAreFreeOfCycles().check(classes);
    }

    ArchRule otherServicesAreNotUsed() {
        String[] others = SERVICES.stream().filter(service -> !service.equals(basePackage))
                .map(service -> service + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("each service owns its code and data; what another needs travels as an event");
    }

    ArchRule embeddedInfrastructureIsNotUsed() {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.neuguong.embeddedmongodb..",
                        "vn.neuguong.localstack..", "de.bwaldvogel..")
                .because("the embedded MongoDB and the local stack exist for machines without mongod (ADR 0004)");
    }

    ArchRule controllersDoNotTouchPersistence() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.data.mongodb.core.MongoTemplate")
                .because("the web layer is thin: it calls a service, the service calls the store");
    }

    ArchRule queriesAreBuiltByStores() {
        return noClasses().that().resideInAPackage(basePackage + "..").and(DescribedPredicate.not(STORES))
                .should().dependOnClassesThat().resideInAPackage("org.springframework.data.mongodb.core.query..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.data.mongodb.core.MongoTemplate")
                .because("access rules produce a domain value (a scope) and the store turns it into a query "
                        + "(docs/conventions.md)");
    }

    ArchRule featurePackagesAreFreeOfCycles() {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }
}
