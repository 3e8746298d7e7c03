package com.fenxiao.relation.member.domain;

/** How another member's nickname is shown: first and last character only, the length hidden. */
public final class NicknameMask {

    public static final String ANONYMOUS = "微信用户";

    private NicknameMask() {}

    public static String mask(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return ANONYMOUS;
        }
        int[] cps = nickname.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "**" + new String(cps, cps.length - 1, 1);
    }
}
