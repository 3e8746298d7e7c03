package com.fenxiao.relation.promoter.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.relation.agreement.application.ShowAgreement;
import com.fenxiao.relation.agreement.domain.AgreementStanding;
import com.fenxiao.relation.promoter.application.InviteImages;
import com.fenxiao.relation.promoter.application.ListTeam;
import com.fenxiao.relation.promoter.application.ShowPromoter;
import com.fenxiao.relation.web.Requests;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PromoterController {

    static final String QR_PATH = "/api/v1/me/promoter/qrcode";
    static final String WXACODE_PATH = "/api/v1/me/promoter/wxacode";

    private final ShowPromoter promoter;
    private final ListTeam team;
    private final InviteImages images;
    private final ShowAgreement agreement;

    PromoterController(ShowPromoter promoter, ListTeam team, InviteImages images, ShowAgreement agreement) {
        this.promoter = promoter;
        this.team = team;
        this.images = images;
        this.agreement = agreement;
    }

    @GetMapping("/api/v1/me/promoter")
    PromoterView promoter(CallerIdentity caller) {
        ShowPromoter.Promoter p = promoter.of(caller.requireMember());
        AgreementStanding a = agreement.standingOf(p.userId());
        return new PromoterView(
                Long.toString(p.userId()),
                p.inviteCode(),
                p.inviteLink(),
                QR_PATH,
                WXACODE_PATH,
                p.inviterId() == null
                        ? null
                        : new PromoterView.Inviter(Requests.id(p.inviterId()), p.inviterNickname()),
                p.boundAt(),
                p.coolingOffEndsAt(),
                p.level1Count(),
                p.level2Count(),
                new PromoterView.Agreement(a.acceptedVersion(), a.currentVersion(), a.reacceptRequired()));
    }

    @GetMapping(value = QR_PATH, produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(CallerIdentity caller) {
        return png(images.qrCode(caller.requireMember()));
    }

    @GetMapping(value = WXACODE_PATH, produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> miniProgramCode(CallerIdentity caller) {
        return png(images.miniProgramCode(caller.requireMember()));
    }

    @GetMapping("/api/v1/me/team")
    TeamView team(
            CallerIdentity caller,
            @RequestParam String level,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int size) {
        ListTeam.Page page = team.of(caller.requireMember(), level, cursor, size);
        return new TeamView(
                page.items().stream()
                        .map(e -> new TeamView.Item(Long.toString(e.userId()), e.maskedNickname(), e.joinedAt()))
                        .toList(),
                page.nextCursor());
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(image);
    }
}
