package com.fenxiao.relation.staff.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;

final class StaffRefusals {

    static final String SELF_APPROVAL = "SELF_APPROVAL";
    static final String APPROVAL_DECIDED = "APPROVAL_ALREADY_DECIDED";
    static final String UNBIND_ALREADY_REQUESTED = "UNBIND_ALREADY_REQUESTED";

    private StaffRefusals() {}

    static PlatformException memberNotFound() {
        return new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "会员不存在");
    }

    static PlatformException approvalNotFound() {
        return new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "审批申请不存在");
    }

    static PlatformException selfApproval() {
        return new PlatformException.Forbidden(SELF_APPROVAL, "不能审批自己提交的申请,须由另一位工作人员审批");
    }

    static PlatformException decided() {
        return new PlatformException.Refused(APPROVAL_DECIDED, "该申请已处理");
    }
}
