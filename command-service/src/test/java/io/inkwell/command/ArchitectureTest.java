package io.inkwell.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inkwell.command");

    @Test
    void featuresDoNotDependOnEachOther() {
        slices().matching("io.inkwell.command.(user|post)..").should().notDependOnEachOther().check(service);
    }

    @Test
    void aggregatesKnowNothingOfTheWeb() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.security..", "org.springframework.jdbc..")
                .check(service);
    }
}
