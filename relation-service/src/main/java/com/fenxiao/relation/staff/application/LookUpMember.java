package com.fenxiao.relation.staff.application;

import com.fenxiao.common.audit.AuditEntry;
import com.fenxiao.common.audit.AuditFilter;
import com.fenxiao.common.audit.AuditQueries;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.promoter.domain.Team;
import com.fenxiao.relation.promoter.domain.TeamLevel;
import com.fenxiao.relation.relation.domain.RelationHistory;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What staff see of a member: the member, its inviter, its level-2 upline and both invitee counts. */
@Service
public class LookUpMember {

    private final Members members;
    private final Team team;
    private final RelationHistory history;
    private final AuditQueries audit;

    public LookUpMember(Members members, Team team, RelationHistory history, AuditQueries audit) {
        this.members = members;
        this.team = team;
        this.history = history;
        this.audit = audit;
    }

    public record Detail(
            Member member, Optional<Member> inviter, Optional<Member> inviterL2, long level1Count, long level2Count) {}

    public Detail byId(long userId) {
        return detail(members.byId(userId).orElseThrow(StaffRefusals::memberNotFound));
    }

    public Detail byInviteCode(String code) {
        return detail(com.fenxiao.relation.member.domain.InviteCodes.normalise(code)
                .flatMap(members::byInviteCode)
                .orElseThrow(StaffRefusals::memberNotFound));
    }

    public List<RelationHistory.Entry> history(long userId) {
        members.byId(userId).orElseThrow(StaffRefusals::memberNotFound);
        return history.of(userId, 200);
    }

    public List<AuditEntry> audit(long userId) {
        return audit.find(AuditFilter.target("MEMBER", Long.toString(userId)), null, 200);
    }

    private Detail detail(Member m) {
        return new Detail(
                m,
                m.inviterId() == null ? Optional.empty() : members.byId(m.inviterId()),
                m.inviterL2Id() == null ? Optional.empty() : members.byId(m.inviterL2Id()),
                team.count(m.id(), TeamLevel.ONE),
                team.count(m.id(), TeamLevel.TWO));
    }
}
