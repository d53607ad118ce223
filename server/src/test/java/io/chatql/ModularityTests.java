package io.chatql;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chatql.live.LiveEvent;
import io.chatql.live.LiveEventName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Conditional;

/**
 * The packages stay a house with floors: each uses only the ones below it, so there is no loop, and a
 * feature reaches another only through what that one makes public (the compiler guards the rest).
 * See docs/architecture.md.
 */
class ModularityTests {

    /** The packages from the bottom floor up. */
    static final List<String> FLOORS = List.of(
            "system",
            "paging",
            "live",
            "user",
            "auth",
            "conversation",
            "message",
            "reaction",
            "file",
            "timeline",
            "safety",
            "moderation",
            "reading",
            "presence",
            "typing",
            "search",
            "analytics",
            "web",
            "realtime");

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chatql");

    @Test
    void thePackagesFormNoLoop() {
        slices().matching("io.chatql.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        for (int floor = 0; floor < FLOORS.size(); floor++) {
            String[] above = FLOORS.subList(floor + 1, FLOORS.size()).stream()
                    .map(name -> "io.chatql." + name + "..")
                    .toArray(String[]::new);
            if (above.length > 0) {
                noClasses()
                        .that()
                        .resideInAPackage("io.chatql." + FLOORS.get(floor) + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(above)
                        .because("a package must not use one above it: see docs/architecture.md")
                        .check(SERVER);
            }
        }
    }

    @Test
    void everyPackageHasItsFloor() {
        List<String> packages = SERVER.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("io.chatql."))
                .map(name -> name.substring("io.chatql.".length()).split("\\.")[0])
                .distinct()
                .toList();

        assertThat(FLOORS).containsAll(packages);
    }

    @Test
    void everyLiveEventHasANameOfItsOwn() {
        classes()
                .that()
                .implement(LiveEvent.class)
                .should()
                .beAnnotatedWith(LiveEventName.class)
                .because("the nodes relay events by name")
                .check(SERVER);
        List<String> names = SERVER.stream()
                .filter(type -> type.isAssignableTo(LiveEvent.class) && !type.isInterface())
                .map(type -> type.getAnnotationOfType(LiveEventName.class).value())
                .toList();

        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void noBeanIsDecidedByACondition() {
        noClasses()
                .should()
                .beMetaAnnotatedWith(Conditional.class)
                .because("the build prepares the context once, for every start: see AheadOfTimeStart")
                .check(SERVER);
        noMethods()
                .should()
                .beMetaAnnotatedWith(Conditional.class)
                .because("the build prepares the context once, for every start: see AheadOfTimeStart")
                .check(SERVER);
    }
}
