package com.fenxiao.relation.agreement.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.relation.agreement.application.AcceptAgreement;
import com.fenxiao.relation.agreement.application.ShowAgreement;
import com.fenxiao.relation.agreement.domain.AgreementStanding;
import com.fenxiao.relation.agreement.domain.AgreementVersion;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The promotion agreement: public under {@code /api/v1/auth/} (the login page shows it before anyone
 * has a token), the member's own standing and acceptance under {@code /api/v1/me/promoter/}.
 */
@RestController
class AgreementController {

    private final ShowAgreement show;
    private final AcceptAgreement accept;

    AgreementController(ShowAgreement show, AcceptAgreement accept) {
        this.show = show;
        this.accept = accept;
    }

    @GetMapping("/api/v1/auth/agreement")
    AgreementView current() {
        return view(show.current());
    }

    @GetMapping("/api/v1/me/promoter/agreement")
    AgreementStandingView mine(CallerIdentity caller) {
        return view(show.standingOf(caller.requireMember()));
    }

    @PostMapping("/api/v1/me/promoter/agreement")
    AgreementStandingView accept(
            CallerIdentity caller, @Valid @RequestBody AcceptAgreementBody body, HttpServletRequest request) {
        return view(accept.accept(caller.requireMember(), body.version(), Requests.clientIp(request)));
    }

    private AgreementStandingView view(AgreementStanding s) {
        return new AgreementStandingView(
                s.acceptedVersion(),
                s.acceptedAt(),
                s.currentVersion(),
                s.reacceptRequired(),
                s.reacceptRequired() ? view(show.current()) : null);
    }

    private static AgreementView view(AgreementVersion v) {
        return new AgreementView(v.version(), v.title(), v.paragraphs(), v.effectiveAt());
    }
}
