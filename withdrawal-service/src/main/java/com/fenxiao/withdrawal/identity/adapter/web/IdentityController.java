package com.fenxiao.withdrawal.identity.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.withdrawal.identity.application.ShowIdentity;
import com.fenxiao.withdrawal.identity.application.VerifyIdentity;
import com.fenxiao.withdrawal.identity.domain.Identity;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityController {

    private final VerifyIdentity verify;
    private final ShowIdentity show;

    IdentityController(VerifyIdentity verify, ShowIdentity show) {
        this.verify = verify;
        this.show = show;
    }

    @PutMapping("/api/v1/me/identity")
    IdentityView verify(CallerIdentity caller, @Valid @RequestBody IdentityBody body) {
        return view(verify.verify(caller.requireMember(), body.realName(), body.idNumber()));
    }

    @GetMapping("/api/v1/me/identity")
    IdentityView mine(CallerIdentity caller) {
        return show.of(caller.requireMember())
                .map(IdentityController::view)
                .orElse(new IdentityView(false, null, null, null));
    }

    private static IdentityView view(Identity i) {
        return new IdentityView(true, i.maskedName(), i.maskedIdNumber(), i.verifiedAt());
    }
}
