package com.fenxiao.relation.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodesTest {

    @Test
    void codes_have_the_configured_length_and_use_only_the_unambiguous_alphabet() {
        for (int length = 6; length <= 8; length++) {
            InviteCodes codes = new InviteCodes(length);
            for (int i = 0; i < 1_000; i++) {
                String code = codes.next();
                assertThat(code).hasSize(length);
                assertThat(code.chars()).allMatch(c -> InviteCodes.ALPHABET.indexOf(c) >= 0);
            }
        }
    }

    @Test
    void the_alphabet_has_no_look_alikes() {
        assertThat(InviteCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U", "V");
        assertThat(InviteCodes.ALPHABET.chars().distinct().count()).isEqualTo(InviteCodes.ALPHABET.length());
    }

    @Test
    void codes_are_random_not_sequential() {
        InviteCodes codes = new InviteCodes(7);
        Set<String> seen = new HashSet<>();
        String previous = codes.next();
        int adjacent = 0;
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            seen.add(code);
            if (code.substring(0, 6).equals(previous.substring(0, 6))) {
                adjacent++;
            }
            previous = code;
        }
        // 29^7 codes: 10 000 draws practically never repeat, and consecutive codes share no prefix
        assertThat(seen).hasSizeGreaterThan(9_990);
        assertThat(adjacent).isLessThan(5);
    }

    @Test
    void a_seeded_generator_is_deterministic_which_the_production_one_is_not_seeded_to_be() {
        assertThat(new InviteCodes(new Random(7), 6).next()).isEqualTo(new InviteCodes(new Random(7), 6).next());
    }

    @Test
    void lengths_outside_six_to_eight_are_refused() {
        assertThatThrownBy(() -> new InviteCodes(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InviteCodes(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisation_is_case_insensitive_and_forgiving_about_spaces_and_dashes() {
        assertThat(InviteCodes.normalise("ab3-cd7k")).contains("AB3CD7K");
        assertThat(InviteCodes.normalise("  Ab3 Cd7K ")).contains("AB3CD7K");
        assertThat(InviteCodes.normalise("AB3CD7K")).contains("AB3CD7K");
    }

    @Test
    void normalisation_rejects_what_can_never_be_a_code() {
        assertThat(InviteCodes.normalise(null)).isEmpty();
        assertThat(InviteCodes.normalise("")).isEmpty();
        assertThat(InviteCodes.normalise("AB3CD")).isEmpty(); // too short
        assertThat(InviteCodes.normalise("AB3CD7K23")).isEmpty(); // too long
        assertThat(InviteCodes.normalise("AB0CD7K")).isEmpty(); // 0 is not in the alphabet
        assertThat(InviteCodes.normalise("ABICD7K")).isEmpty(); // nor is I
        assertThat(InviteCodes.normalise("AB3CD7'")).isEmpty();
        assertThat(InviteCodes.normalise("码码码码码码")).isEmpty();
    }
}
