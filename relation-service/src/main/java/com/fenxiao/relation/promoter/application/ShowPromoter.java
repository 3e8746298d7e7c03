package com.fenxiao.relation.promoter.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.member.domain.NicknameMask;
import com.fenxiao.relation.promoter.domain.Team;
import com.fenxiao.relation.promoter.domain.TeamLevel;
import com.fenxiao.relation.relation.domain.CoolingOff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** GET /api/v1/me/promoter: my code, link, inviter and the sizes of my two levels. */
@Service
public class ShowPromoter {

    private final Members members;
    private final Team team;
    private final CoolingOff coolingOff;
    /** The H5 login page reads the inviter's code from this one query parameter. */
    public static final String INVITE_PARAMETER = "invite";

    private final String linkBase;

    public ShowPromoter(Members members, Team team, CoolingOff coolingOff, RelationProperties props) {
        this.members = members;
        this.team = team;
        this.coolingOff = coolingOff;
        this.linkBase = props.getPublicBaseUrl().replaceAll("/+$", "") + "/h5/?" + INVITE_PARAMETER + "=";
    }

    public record Promoter(
            long userId,
            String inviteCode,
            String inviteLink,
            Long inviterId,
            String inviterNickname,
            Instant boundAt,
            Instant coolingOffEndsAt,
            long level1Count,
            long level2Count) {}

    public Promoter of(long userId) {
        Member me =
                members.byId(userId).orElseThrow(() -> new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "会员不存在"));
        String inviterNickname = me.inviterId() == null
                ? null
                : members.byId(me.inviterId())
                        .map(m -> NicknameMask.mask(m.nickname()))
                        .orElse(null);
        return new Promoter(
                me.id(),
                me.inviteCode(),
                inviteLink(me.inviteCode()),
                me.inviterId(),
                inviterNickname,
                me.boundAt(),
                coolingOff
                        .endsAt(me.inviterId(), me.boundAt(), me.selfUnbindUsed())
                        .orElse(null),
                team.count(userId, TeamLevel.ONE),
                team.count(userId, TeamLevel.TWO));
    }

    public String inviteLink(String code) {
        return linkBase + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
