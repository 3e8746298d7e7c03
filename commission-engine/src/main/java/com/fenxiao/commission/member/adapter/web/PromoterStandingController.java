package com.fenxiao.commission.member.adapter.web;

import com.fenxiao.commission.member.application.ChangePromoterStanding;
import com.fenxiao.commission.web.WebRequests;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PromoterStandingController {

    private final ChangePromoterStanding change;

    PromoterStandingController(ChangePromoterStanding change) {
        this.change = change;
    }

    @PutMapping("/admin/v1/commissions/promoters/{promoterId}/standing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void standing(CallerIdentity caller, @PathVariable long promoterId, @Valid @RequestBody PromoterStandingBody body) {
        long staff = caller.requireStaff(StaffRole.OPS, StaffRole.ADMIN);
        change.setDisabled(promoterId, body.disabled(), body.reason(), staff, WebRequests.requestId());
    }
}
