package com.fenxiao.relation.member.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknameMaskTest {

    @Test
    void shows_only_the_first_and_last_character_and_hides_the_length() {
        assertThat(NicknameMask.mask("张三丰")).isEqualTo("张**丰");
        assertThat(NicknameMask.mask("欧阳娜娜爱吃糖")).isEqualTo("欧**糖");
        assertThat(NicknameMask.mask("Alice")).isEqualTo("A**e");
    }

    @Test
    void short_names_give_away_no_more_than_one_character() {
        assertThat(NicknameMask.mask("张三")).isEqualTo("张*");
        assertThat(NicknameMask.mask("张")).isEqualTo("*");
    }

    @Test
    void emoji_are_masked_as_whole_characters() {
        assertThat(NicknameMask.mask("😀小明🎉")).isEqualTo("😀**🎉");
        assertThat(NicknameMask.mask("😀🎉")).isEqualTo("😀*");
    }

    @Test
    void a_missing_nickname_shows_a_neutral_placeholder() {
        assertThat(NicknameMask.mask(null)).isEqualTo(NicknameMask.ANONYMOUS);
        assertThat(NicknameMask.mask("   ")).isEqualTo(NicknameMask.ANONYMOUS);
    }
}
