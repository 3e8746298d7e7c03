package com.fenxiao.withdrawal.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** The standard's own example. */
    private static final String SAMPLE = "11010519491231002X";

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static ResidentIdNumber.Defect defectOf(String raw) {
        try {
            ResidentIdNumber.parse(raw, TODAY);
            return null;
        } catch (ResidentIdNumber.Refused e) {
            return e.defect();
        }
    }

    @Test
    void accepts_the_standards_example_in_either_case_and_reads_the_birth_date() throws Exception {
        assertThat(ResidentIdNumber.parse(SAMPLE, TODAY).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).reveal())
                .isEqualTo(SAMPLE);
    }

    @Test
    void refuses_a_wrong_check_character() {
        assertThat(defectOf("110105194912310021")).isEqualTo(ResidentIdNumber.Defect.CHECK_DIGIT);
    }

    @Test
    void refuses_wrong_lengths_and_letters() {
        assertThat(defectOf("1101051949123100")).isEqualTo(ResidentIdNumber.Defect.FORMAT);
        assertThat(defectOf("11010519491231002XX")).isEqualTo(ResidentIdNumber.Defect.FORMAT);
        assertThat(defectOf("1101A5194912310021")).isEqualTo(ResidentIdNumber.Defect.FORMAT);
        assertThat(defectOf(null)).isEqualTo(ResidentIdNumber.Defect.FORMAT);
    }

    @Test
    void refuses_impossible_and_future_birth_dates() {
        assertThat(defectOf(withCheck("11010519990230123"))).isEqualTo(ResidentIdNumber.Defect.BIRTH_DATE);
        assertThat(defectOf(withCheck("11010520271201123"))).isEqualTo(ResidentIdNumber.Defect.BIRTH_DATE);
        assertThat(defectOf(withCheck("11010518991231123"))).isEqualTo(ResidentIdNumber.Defect.BIRTH_DATE);
    }

    @Test
    void refuses_a_minor_until_the_eighteenth_birthday() {
        assertThat(defectOf(withCheck("11010520081126123"))).isEqualTo(ResidentIdNumber.Defect.MINOR);
        assertThat(defectOf(withCheck("11010520081125123"))).isNull();
    }

    @Test
    void shows_only_a_masked_form() throws Exception {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, TODAY);
        assertThat(id.masked()).isEqualTo("11**************2X");
        assertThat(id.toString()).doesNotContain("0105194912310");
        assertThat(new RealName("张三").masked()).isEqualTo("*三");
        assertThat(new RealName("欧阳小明").masked()).isEqualTo("***明");
    }
}
