package com.fenxiao.common.security;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling, as proven by a verified token (never by a bare header). Members carry their user
 * id; staff carry their staff id and roles.
 */
public record CallerIdentity(long subjectId, CallerKind kind, Set<StaffRole> roles, String tokenId) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public static CallerIdentity member(long userId, String tokenId) {
        return new CallerIdentity(userId, CallerKind.MEMBER, Set.of(), tokenId);
    }

    public static CallerIdentity staff(long staffId, Set<StaffRole> roles, String tokenId) {
        return new CallerIdentity(staffId, CallerKind.STAFF, roles, tokenId);
    }

    public boolean isMember() {
        return kind == CallerKind.MEMBER;
    }

    public boolean isStaff() {
        return kind == CallerKind.STAFF;
    }

    public boolean hasAnyRole(StaffRole... wanted) {
        return isStaff() && Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** The member's own user id; refuses staff and anonymous use of member paths. */
    public long requireMember() {
        if (!isMember()) {
            throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "仅会员可访问");
        }
        return subjectId;
    }

    /** Refuses anyone who is not staff with one of the roles. */
    public long requireStaff(StaffRole... allowed) {
        if (!isStaff() || (allowed.length > 0 && !hasAnyRole(allowed))) {
            throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "无权执行该操作");
        }
        return subjectId;
    }
}
