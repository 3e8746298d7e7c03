package com.fenxiao.relation.relation.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnouncedNicknameTest {

    @Test
    void a_binding_announces_the_members_nickname_masked_never_raw() {
        assertThat(Binder.announcedNickname("王小明")).isEqualTo("王**明");
        assertThat(Binder.announcedNickname("Al")).isEqualTo("A*");
    }

    @Test
    void a_member_without_a_nickname_is_announced_without_one() {
        assertThat(Binder.announcedNickname(null)).isNull();
        assertThat(Binder.announcedNickname("  ")).isNull();
    }
}
