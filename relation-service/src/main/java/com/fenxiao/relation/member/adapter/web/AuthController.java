package com.fenxiao.relation.member.adapter.web;

import com.fenxiao.relation.member.application.LoginMember;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final LoginMember login;

    AuthController(LoginMember login) {
        this.login = login;
    }

    @PostMapping("/api/v1/auth/login")
    LoginView login(@Valid @RequestBody LoginBody body, HttpServletRequest request) {
        LoginMember.Result r = login.login(new LoginMember.Command(
                body.code(),
                body.inviteCode(),
                body.channel() == null ? BindChannel.LINK : BindChannel.valueOf(body.channel()),
                body.deviceId(),
                body.agreementVersion(),
                body.nickname(),
                Requests.clientIp(request)));
        return new LoginView(
                r.token(),
                r.expiresInSeconds(),
                Long.toString(r.userId()),
                r.newUser(),
                new LoginView.Binding(
                        r.bound(),
                        Requests.id(r.inviterId()),
                        r.refusal() == null ? null : r.refusal().code(),
                        r.refusal() == null ? null : r.refusal().message()));
    }
}
