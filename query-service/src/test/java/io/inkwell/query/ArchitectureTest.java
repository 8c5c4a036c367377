package io.inkwell.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * query-service's packages: features ({@code post}, {@code user}, {@code search}, {@code history}) on top of
 * shared plumbing ({@code web}, {@code graphql}, {@code security}, {@code projection}, {@code config}) that knows no feature.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {"..query.post..", "..query.user..", "..query.search..", "..query.history.."};

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inkwell.query");

    @Test
    void packagesFormNoCycles() {
        slices().matching("io.inkwell.query.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void plumbingKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("..query.web..", "..query.security..", "..query.projection..",
                        "..query.config..", "..query.readmodel..", "..query.timetravel..", "..query.graphql..",
                        "..query.cache..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(service);
    }

    @Test
    void readSideNeedsNothingOfTheWriteSide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.inkwell.command..").check(service);
    }

    @Test
    void onlyProjectionsWriteReadModels() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .check(service);
    }
}
