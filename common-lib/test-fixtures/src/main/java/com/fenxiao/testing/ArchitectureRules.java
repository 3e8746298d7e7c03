package com.fenxiao.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;

/** STYLE.md's rules, one definition for every service's {@code ArchitectureTest}. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** Domain code is plain Java: no Spring, MyBatis, RocketMQ, Redisson, JDBC or servlet types. */
    public static ArchRule domainIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.ibatis..",
                        "com.baomidou..",
                        "org.apache.rocketmq..",
                        "org.redisson..",
                        "java.sql..",
                        "jakarta.servlet..")
                .allowEmptyShould(true);
    }

    /** Adapters do not call each other: web, persistence and mq meet in the application layer. */
    public static ArchRule adaptersDoNotDependOnEachOther(String basePackage) {
        return SlicesRuleDefinition.slices()
                .matching(basePackage + ".(*).adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true);
    }

    /** Time comes from the injected clock only. */
    public static ArchRule nothingReadsTheSystemClock() {
        return noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callConstructor(java.util.Date.class)
                .because("time comes from the one Clock bean (STYLE.md)");
    }

    /** Persistence rows never leave their adapter package. */
    public static ArchRule rowsStayInPersistence() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("..adapter.persistence..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Row")
                .allowEmptyShould(true);
    }

    public static void checkAll(JavaClasses classes, String basePackage) {
        for (ArchRule rule : List.of(
                domainIsPlainJava(),
                adaptersDoNotDependOnEachOther(basePackage),
                nothingReadsTheSystemClock(),
                rowsStayInPersistence())) {
            rule.check(classes);
        }
    }
}
