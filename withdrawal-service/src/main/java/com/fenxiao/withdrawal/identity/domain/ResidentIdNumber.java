package com.fenxiao.withdrawal.identity.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/**
 * An 18-character PRC resident identity number (GB 11643-1999): 6 digits of area, 8 of birth date,
 * 3 of sequence, and a check character over the first 17 (ISO 7064 MOD 11-2, '0'–'9' or 'X').
 * {@code toString} never shows the number.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    public static final int ADULT_AGE = 18;

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Why a number is refused; each reason has its own error code at the edge. */
    public enum Defect {
        FORMAT,
        CHECK_DIGIT,
        BIRTH_DATE,
        MINOR
    }

    public static final class Refused extends Exception {
        private final Defect defect;

        public Refused(Defect defect) {
            super(defect.name());
            this.defect = defect;
        }

        public Defect defect() {
            return defect;
        }
    }

    /** Parses and checks the number; {@code today} is the business date in Asia/Shanghai. */
    public static ResidentIdNumber parse(String raw, LocalDate today) throws Refused {
        if (raw == null) {
            throw new Refused(Defect.FORMAT);
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        if (!v.matches("\\d{17}[\\dX]")) {
            throw new Refused(Defect.FORMAT);
        }
        if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
            throw new Refused(Defect.CHECK_DIGIT);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Refused(Defect.BIRTH_DATE);
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            throw new Refused(Defect.BIRTH_DATE);
        }
        if (Period.between(birth, today).getYears() < ADULT_AGE) {
            throw new Refused(Defect.MINOR);
        }
        return new ResidentIdNumber(v, birth);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The number itself, for encryption and keyed hashing only. */
    public String reveal() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** First two and last two characters: {@code 11**************2X}. */
    public String masked() {
        return value.substring(0, 2) + "*".repeat(14) + value.substring(16);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
