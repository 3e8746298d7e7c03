package com.fenxiao.withdrawal;

import com.fenxiao.testing.ArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void follows_the_layering_and_clock_rules_of_the_style_guide() {
        ArchitectureRules.checkAll(
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.fenxiao.withdrawal"),
                "com.fenxiao.withdrawal");
    }
}
