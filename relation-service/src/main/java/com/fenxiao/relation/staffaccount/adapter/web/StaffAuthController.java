package com.fenxiao.relation.staffaccount.adapter.web;

import com.fenxiao.relation.staffaccount.application.LogInStaff;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StaffAuthController {

    private final LogInStaff login;

    StaffAuthController(LogInStaff login) {
        this.login = login;
    }

    @PostMapping("/admin/v1/auth/login")
    StaffLoginView login(@Valid @RequestBody StaffLoginBody body, HttpServletRequest request) {
        LogInStaff.Result r = login.login(body.username(), body.password(), Requests.requestId(request));
        return new StaffLoginView(
                r.token(),
                r.expiresInSeconds(),
                Long.toString(r.staffId()),
                r.roles().stream().map(Enum::name).sorted().toList());
    }
}
