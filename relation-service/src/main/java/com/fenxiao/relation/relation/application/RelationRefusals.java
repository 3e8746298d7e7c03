package com.fenxiao.relation.relation.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.relation.domain.BindRefusal;
import com.fenxiao.relation.relation.domain.CoolingOff;

/** The HTTP face of the binding rules' refusals. */
public final class RelationRefusals {

    private RelationRefusals() {}

    public static PlatformException of(BindRefusal refusal) {
        return switch (refusal) {
            case INVALID_INVITE_CODE -> new PlatformException.InvalidRequest(refusal.code(), refusal.message());
            case RATE_LIMITED -> new PlatformException.RateLimited(refusal.code(), refusal.message());
            default -> new PlatformException.Refused(refusal.code(), refusal.message());
        };
    }

    public static PlatformException of(CoolingOff.Refusal refusal) {
        return new PlatformException.Refused(refusal.name(), refusal.message());
    }
}
