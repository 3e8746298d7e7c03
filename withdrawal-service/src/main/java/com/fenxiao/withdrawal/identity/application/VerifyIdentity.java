package com.fenxiao.withdrawal.identity.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.withdrawal.identity.domain.IdNumberVault;
import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.identity.domain.Identity;
import com.fenxiao.withdrawal.identity.domain.IdentityVerifier;
import com.fenxiao.withdrawal.identity.domain.RealName;
import com.fenxiao.withdrawal.identity.domain.ResidentIdNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Real-name verification before the first withdrawal (SPEC §6): GB 11643 check character, birth date,
 * adult; the third-party verifier; one ID number, one account (by keyed hash); stored encrypted.
 * Repeating the same identity is a no-op; a different one after verification is refused.
 */
@Service
public class VerifyIdentity {

    private static final Logger log = LoggerFactory.getLogger(VerifyIdentity.class);

    private final Identities identities;
    private final IdNumberVault vault;
    private final IdentityVerifier verifier;
    private final Clock clock;

    public VerifyIdentity(Identities identities, IdNumberVault vault, IdentityVerifier verifier, Clock clock) {
        this.identities = identities;
        this.vault = vault;
        this.verifier = verifier;
        this.clock = clock;
    }

    public Identity verify(long memberId, String rawName, String rawIdNumber) {
        Instant now = clock.instant();
        RealName name;
        try {
            name = new RealName(rawName);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest("IDENTITY_NAME_INVALID", "姓名格式不正确");
        }
        ResidentIdNumber id = parse(rawIdNumber, LocalDate.ofInstant(now, BusinessTime.ZONE));
        String hash = vault.keyedHash(id.reveal());
        Optional<String> mine = identities.idHashOf(memberId);
        if (mine.isPresent()) {
            if (mine.get().equals(hash)) {
                return identities.of(memberId).orElseThrow();
            }
            throw new PlatformException.Refused("IDENTITY_ALREADY_VERIFIED", "您已完成实名认证,不能更换身份证号");
        }
        if (verifier.verify(name, id) != IdentityVerifier.Verdict.MATCH) {
            log.info("identity verification mismatch for member {} ({})", memberId, id.masked());
            throw new PlatformException.Refused("IDENTITY_VERIFICATION_FAILED", "姓名与身份证号不匹配");
        }
        long holder = identities.claim(hash, memberId, now);
        if (holder != memberId) {
            log.info("ID number {} already verified by another account; member {} refused", id.masked(), memberId);
            throw new PlatformException.Refused("IDENTITY_ALREADY_BOUND", "该身份证号已绑定其他账号");
        }
        identities.save(
                memberId,
                vault.encrypt(name.value()),
                vault.encrypt(id.reveal()),
                hash,
                name.masked(),
                id.masked(),
                now);
        log.info("member {} verified as {} {}", memberId, name.masked(), id.masked());
        return new Identity(memberId, name.masked(), id.masked(), now);
    }

    private static ResidentIdNumber parse(String raw, LocalDate today) {
        try {
            return ResidentIdNumber.parse(raw, today);
        } catch (ResidentIdNumber.Refused e) {
            throw switch (e.defect()) {
                case FORMAT -> new PlatformException.InvalidRequest("IDENTITY_ID_NUMBER_INVALID", "身份证号格式不正确");
                case CHECK_DIGIT ->
                    new PlatformException.InvalidRequest("IDENTITY_ID_NUMBER_CHECK_FAILED", "身份证号校验码不正确");
                case BIRTH_DATE -> new PlatformException.InvalidRequest("IDENTITY_BIRTH_DATE_INVALID", "身份证号中的出生日期无效");
                case MINOR -> new PlatformException.Refused("IDENTITY_MINOR", "未满 18 周岁不能提现");
            };
        }
    }
}
