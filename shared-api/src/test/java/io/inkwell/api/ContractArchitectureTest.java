package io.inkwell.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** shared-api is the contract and nothing else: records, and no framework but Axon's annotations. */
class ContractArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inkwell.api");

    @Test
    void dependsOnNoFrameworkButAxonAnnotations() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "com.fasterxml..", "tools.jackson..")
                .check(contract);
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.inkwell.api..", "java..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization")
                .check(contract);
    }

    @Test
    void commandsAndEventsAreRecords() {
        classes().that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Event")
                .should().beRecords().check(contract);
    }

    @Test
    void eventsCarryARevision() {
        classes().that().haveSimpleNameEndingWith("Event")
                .should().beAnnotatedWith(org.axonframework.serialization.Revision.class).check(contract);
    }
}
