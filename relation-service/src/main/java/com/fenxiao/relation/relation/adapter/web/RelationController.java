package com.fenxiao.relation.relation.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.relation.promoter.application.ShowPromoter;
import com.fenxiao.relation.relation.application.BindMember;
import com.fenxiao.relation.relation.application.UnbindMember;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RelationController {

    private final BindMember bind;
    private final UnbindMember unbind;
    private final ShowPromoter promoter;

    RelationController(BindMember bind, UnbindMember unbind, ShowPromoter promoter) {
        this.bind = bind;
        this.unbind = unbind;
        this.promoter = promoter;
    }

    @PostMapping("/api/v1/me/relation/bind")
    RelationView bind(CallerIdentity caller, @Valid @RequestBody BindBody body, HttpServletRequest request) {
        long me = caller.requireMember();
        bind.bind(me, body.inviteCode(), BindChannel.CODE, Requests.clientIp(request));
        return view(me);
    }

    @PostMapping("/api/v1/me/relation/unbind")
    RelationView unbind(CallerIdentity caller) {
        long me = caller.requireMember();
        unbind.unbind(me);
        return view(me);
    }

    private RelationView view(long me) {
        ShowPromoter.Promoter p = promoter.of(me);
        return new RelationView(
                Long.toString(me),
                p.inviterId() != null,
                Requests.id(p.inviterId()),
                p.boundAt(),
                p.coolingOffEndsAt());
    }
}
