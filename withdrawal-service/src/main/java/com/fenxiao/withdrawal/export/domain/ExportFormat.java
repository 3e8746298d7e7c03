package com.fenxiao.withdrawal.export.domain;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import java.util.Locale;

/** The file formats of every export (SPEC §8). */
public enum ExportFormat {
    CSV,
    XLSX;

    /** {@code csv} (the default when absent) or {@code xlsx}, any case. */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("csv")) {
            return CSV;
        }
        if (v.equals("xlsx")) {
            return XLSX;
        }
        throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "导出格式只能是 csv 或 xlsx");
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
