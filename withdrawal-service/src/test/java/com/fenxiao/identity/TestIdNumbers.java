package com.fenxiao.identity;

import com.fenxiao.withdrawal.identity.domain.ResidentIdNumber;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, made-up resident ID numbers of adults (a fresh one per call: one number, one account). */
public final class TestIdNumbers {

    private TestIdNumbers() {}

    public static String adult() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format(
                "110105%04d%02d%02d%03d", r.nextInt(1950, 2000), r.nextInt(1, 13), r.nextInt(1, 29), r.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
