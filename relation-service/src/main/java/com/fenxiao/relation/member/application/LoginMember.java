package com.fenxiao.relation.member.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.SecurityProperties;
import com.fenxiao.common.security.Tokens;
import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.agreement.application.CheckAgreementVersion;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.member.domain.InviteCodes;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.MemberStatus;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.relation.application.BindMember;
import com.fenxiao.relation.relation.application.Binder;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.relation.relation.domain.BindRefusal;
import com.fenxiao.relation.risk.application.ScreenRegistration;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import com.fenxiao.relation.wechat.domain.WeChatSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * POST /api/v1/auth/login: the mini-program code becomes an openid; the first login registers the
 * member (a promoter at once, free), records the agreement, binds to the invite code if one came along
 * (a refused binding never fails the registration) and screens the device and IP; every login returns
 * a member token. Two logins racing with one new code create one member: the openid is unique, and the
 * loser of the insert continues as an existing member.
 */
@Service
public class LoginMember {

    public static final String LOGIN_CODE_INVALID = "LOGIN_CODE_INVALID";
    public static final String MEMBER_DISABLED = "MEMBER_DISABLED";
    private static final int CODE_ATTEMPTS = 5;

    private final WeChatSessions weChat;
    private final Members members;
    private final Binder binder;
    private final BindMember bindMember;
    private final ScreenRegistration screening;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final IdGenerator ids;
    private final InviteCodes codes;
    private final Tokens.Issuer tokens;
    private final SecurityProperties security;
    private final Clock clock;
    private final CheckAgreementVersion agreements;

    public LoginMember(
            WeChatSessions weChat,
            Members members,
            Binder binder,
            BindMember bindMember,
            ScreenRegistration screening,
            Transactions tx,
            RefreshChains refresh,
            IdGenerator ids,
            RelationProperties props,
            Tokens.Issuer tokens,
            SecurityProperties security,
            Clock clock,
            CheckAgreementVersion agreements) {
        this.weChat = weChat;
        this.members = members;
        this.binder = binder;
        this.bindMember = bindMember;
        this.screening = screening;
        this.tx = tx;
        this.refresh = refresh;
        this.ids = ids;
        this.codes = new InviteCodes(props.getInviteCodeLength());
        this.tokens = tokens;
        this.security = security;
        this.clock = clock;
        this.agreements = agreements;
    }

    public record Command(
            String code,
            String inviteCode,
            BindChannel channel,
            String deviceId,
            String agreementVersion,
            String nickname,
            String ip) {

        boolean hasInviteCode() {
            return inviteCode != null && !inviteCode.isBlank();
        }
    }

    public record Result(
            String token,
            long expiresInSeconds,
            long userId,
            boolean newUser,
            boolean bound,
            Long inviterId,
            BindRefusal refusal) {}

    private record Outcome(long userId, boolean newUser, boolean bound, Long inviterId, BindRefusal refusal) {}

    public Result login(Command command) {
        // an unknown version is refused before the one-time WeChat code is spent
        agreements.requireKnown(command.agreementVersion());
        String openid;
        try {
            openid = weChat.openidFor(command.code());
        } catch (WeChatRefused e) {
            if (e.callerError()) {
                throw new PlatformException.InvalidRequest(LOGIN_CODE_INVALID, "登录凭证无效或已使用,请重新登录");
            }
            throw e;
        }
        Outcome outcome = members.byOpenid(openid)
                .map(existing -> existingLogin(existing, command))
                .orElseGet(() -> register(openid, command));
        Tokens.Grant grant = tokens.issue(CallerIdentity.member(outcome.userId(), null), security.getMemberTokenTtl());
        return new Result(
                grant.token(),
                security.getMemberTokenTtl().toSeconds(),
                outcome.userId(),
                outcome.newUser(),
                outcome.bound(),
                outcome.inviterId(),
                outcome.refusal());
    }

    private Outcome register(String openid, Command c) {
        for (int attempt = 1; ; attempt++) {
            try {
                Registered registered = tx.inTransaction(() -> registerInTransaction(openid, c));
                refresh.refresh(registered.changed());
                Binder.Result bind = registered.bind();
                return new Outcome(
                        registered.userId(),
                        true,
                        bind != null && bind.inviterId().isPresent(),
                        bind == null ? null : bind.inviterId().orElse(null),
                        bind == null ? null : bind.refusal().orElse(null));
            } catch (Members.DuplicateMember duplicate) {
                if (duplicate.openidTaken()) {
                    // another login with the same code won the race: continue as that member
                    Member winner = members.byOpenid(openid)
                            .orElseThrow(() -> new IllegalStateException("openid taken but not found"));
                    return existingLogin(winner, c);
                }
                if (attempt >= CODE_ATTEMPTS) {
                    throw new IllegalStateException("no free invite code after " + attempt + " attempts");
                }
            }
        }
    }

    private record Registered(long userId, Binder.Result bind, Set<Long> changed) {}

    private Registered registerInTransaction(String openid, Command c) {
        Instant now = clock.instant();
        long id = ids.nextId();
        members.add(new Members.NewMember(
                id, openid, codes.next(), c.nickname(), c.deviceId(), c.ip(), c.agreementVersion(), now));
        members.acceptAgreement(ids.nextId(), id, c.agreementVersion(), c.ip(), now);
        Set<Long> changed = new LinkedHashSet<>();
        Binder.Result bind = null;
        if (c.hasInviteCode()) {
            bind = binder.attempt(
                    new Binder.Attempt(id, c.inviteCode(), c.channel(), c.deviceId(), c.ip(), true, c.nickname()), now);
            changed.addAll(bind.changed());
        }
        screening.screen(id, c.deviceId(), c.ip(), now);
        return new Registered(id, bind, changed);
    }

    private Outcome existingLogin(Member member, Command c) {
        if (member.status() == MemberStatus.DISABLED) {
            throw new PlatformException.Forbidden(MEMBER_DISABLED, "账号已停用,请联系客服");
        }
        tx.inTransaction(() ->
                members.acceptAgreement(ids.nextId(), member.id(), c.agreementVersion(), c.ip(), clock.instant()));
        if (!c.hasInviteCode()) {
            return new Outcome(member.id(), false, member.bound(), member.inviterId(), null);
        }
        Binder.Result bind = bindMember.attempt(member.id(), c.inviteCode(), c.channel(), c.deviceId(), c.ip());
        Optional<Long> inviter = bind.inviterId();
        if (inviter.isEmpty()) {
            // refused: report what the member is bound to now, if anything
            Member now = members.byId(member.id()).orElse(member);
            return new Outcome(
                    member.id(),
                    false,
                    now.bound(),
                    now.inviterId(),
                    bind.refusal().orElse(null));
        }
        return new Outcome(member.id(), false, true, inviter.get(), null);
    }
}
