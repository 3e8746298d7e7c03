package com.fenxiao.relation.promoter.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.member.domain.NicknameMask;
import com.fenxiao.relation.promoter.domain.Team;
import com.fenxiao.relation.promoter.domain.TeamCursor;
import com.fenxiao.relation.promoter.domain.TeamLevel;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** GET /api/v1/me/team?level=1|2: invitees of one level, newest first, nicknames masked. */
@Service
public class ListTeam {

    public static final int MAX_SIZE = 100;

    private final Team team;

    public ListTeam(Team team) {
        this.team = team;
    }

    public record Entry(long userId, String maskedNickname, Instant joinedAt) {}

    public record Page(List<Entry> items, String nextCursor) {}

    public Page of(long promoterId, String level, String cursor, int size) {
        TeamLevel teamLevel = TeamLevel.of(level)
                .orElseThrow(
                        () -> new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "level 只能是 1 或 2"));
        if (size < 1 || size > MAX_SIZE) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "size 须在 1 到 100 之间");
        }
        TeamCursor after;
        try {
            after = TeamCursor.decode(cursor).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "cursor 无效");
        }
        List<Team.TeamMember> rows = team.page(promoterId, teamLevel, after, size + 1);
        boolean more = rows.size() > size;
        List<Team.TeamMember> shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            Team.TeamMember last = shown.get(shown.size() - 1);
            next = new TeamCursor(last.joinedAt(), last.userId()).encode();
        }
        return new Page(
                shown.stream()
                        .map(m -> new Entry(m.userId(), NicknameMask.mask(m.nickname()), m.joinedAt()))
                        .toList(),
                next);
    }
}
