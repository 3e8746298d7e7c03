package com.fenxiao.commission.record.domain;

/**
 * What a promoter may see of a buyer (SPEC §4: a masked nickname). Order events carry no nickname; the
 * record carries the one relation-service announced with the buyer's binding, masked there. When none is
 * known the masked buyer id stands in: "用户***1234".
 */
public final class BuyerMask {

    private BuyerMask() {}

    /** A nickname that was masked at its source (relation-service), or the stand-in when there is none. */
    public static String shown(String maskedNickname, long buyerId) {
        if (maskedNickname != null && !maskedNickname.isBlank()) {
            return maskedNickname;
        }
        return of(null, buyerId);
    }

    /** Masks a raw nickname here (first and last character), or the stand-in when there is none. */
    public static String of(String nickname, long buyerId) {
        if (nickname != null && !nickname.isBlank()) {
            int[] cps = nickname.strip().codePoints().toArray();
            String first = new String(cps, 0, 1);
            return cps.length <= 2 ? first + "*" : first + "***" + new String(cps, cps.length - 1, 1);
        }
        String id = Long.toString(buyerId);
        return "用户***" + (id.length() <= 4 ? id : id.substring(id.length() - 4));
    }
}
