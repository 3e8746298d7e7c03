package com.fenxiao.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fenxiao.gateway");

    @Test
    void nothing_reads_the_system_time_behind_the_clock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callConstructor(Date.class)
                .because("time comes from the one Clock bean")
                .check(GATEWAY);
    }

    @Test
    void stays_on_the_reactive_stack() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", loader))
                .as("spring-webmvc on the gateway's classpath")
                .isFalse();
        assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", loader))
                .as("servlet API on the gateway's classpath")
                .isFalse();
    }
}
