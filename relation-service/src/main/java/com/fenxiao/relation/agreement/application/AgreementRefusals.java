package com.fenxiao.relation.agreement.application;

import com.fenxiao.common.error.PlatformException;

/** The stable codes of agreement refusals (RFC 9457 problems through common-lib's advice). */
public final class AgreementRefusals {

    /** 400: the version is not one the server keeps, or is not in force yet. */
    public static final String AGREEMENT_VERSION_UNKNOWN = "AGREEMENT_VERSION_UNKNOWN";
    /** 409: a known version, but a newer one is in force; only the current version can be accepted now. */
    public static final String AGREEMENT_VERSION_OUTDATED = "AGREEMENT_VERSION_OUTDATED";
    /** 503: no version is in force (the seed migration has not run). */
    public static final String AGREEMENT_NOT_CONFIGURED = "AGREEMENT_NOT_CONFIGURED";

    private AgreementRefusals() {}

    static PlatformException unknown(String version) {
        return new PlatformException.InvalidRequest(
                AGREEMENT_VERSION_UNKNOWN,
                "推广员协议版本无效,请刷新页面后重新阅读并同意最新协议",
                java.util.Map.of("agreementVersion", String.valueOf(version)));
    }

    static PlatformException outdated(String version, String current) {
        return new PlatformException.Refused(
                AGREEMENT_VERSION_OUTDATED,
                "推广员协议已更新,请阅读并同意最新版本",
                java.util.Map.of("agreementVersion", version, "currentVersion", current));
    }

    static IllegalStateException notConfigured() {
        return new IllegalStateException("no promotion agreement version is in force (agreement_version is empty)");
    }
}
