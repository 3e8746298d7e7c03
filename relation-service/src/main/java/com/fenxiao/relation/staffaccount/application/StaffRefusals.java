package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.staffaccount.domain.StaffRefused;

/** The problems staff-account use cases answer with. */
final class StaffRefusals {

    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    static final String USERNAME_TAKEN = "USERNAME_TAKEN";
    static final String LAST_ADMIN = "LAST_ADMIN";

    private StaffRefusals() {}

    static PlatformException loginFailed() {
        return new PlatformException.Unauthenticated(LOGIN_FAILED, "用户名或密码错误");
    }

    static PlatformException locked() {
        return new PlatformException.RateLimited(ACCOUNT_LOCKED, "登录失败次数过多,账号已暂时锁定,请稍后再试");
    }

    static PlatformException notFound() {
        return new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "工作人员账号不存在");
    }

    static PlatformException lastAdmin() {
        return new PlatformException.Refused(LAST_ADMIN, "至少须保留一个启用的管理员账号");
    }

    static PlatformException of(StaffRefused e) {
        return new PlatformException.InvalidRequest(e.code(), e.getMessage());
    }
}
