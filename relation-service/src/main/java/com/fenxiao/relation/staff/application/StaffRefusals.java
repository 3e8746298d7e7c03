package com.fenxiao.relation.staff.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;

final class StaffRefusals {

    static final String UNBIND_ALREADY_REQUESTED = "UNBIND_ALREADY_REQUESTED";

    private StaffRefusals() {}

    static PlatformException memberNotFound() {
        return new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "会员不存在");
    }
}
