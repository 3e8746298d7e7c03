package com.fenxiao.relation.promoter.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.wechat.WeChatProperties;
import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import com.fenxiao.relation.wechat.domain.QrCodes;
import org.springframework.stereotype.Service;

/** The invite QR code (the link, as a PNG) and the WeChat mini-program code (the code in its scene). */
@Service
public class InviteImages {

    static final int QR_SIZE = 430;

    private final Members members;
    private final ShowPromoter promoter;
    private final QrCodes qr;
    private final MiniProgramCodes miniProgramCodes;
    private final WeChatProperties weChat;

    public InviteImages(
            Members members,
            ShowPromoter promoter,
            QrCodes qr,
            MiniProgramCodes miniProgramCodes,
            WeChatProperties weChat) {
        this.members = members;
        this.promoter = promoter;
        this.qr = qr;
        this.miniProgramCodes = miniProgramCodes;
        this.weChat = weChat;
    }

    public byte[] qrCode(long userId) {
        return qr.png(promoter.inviteLink(member(userId).inviteCode()), QR_SIZE);
    }

    public byte[] miniProgramCode(long userId) {
        // scene ≤ 32 characters: "c=" + an 8-character code at most
        return miniProgramCodes.unlimited("c=" + member(userId).inviteCode(), weChat.getPage(), QR_SIZE);
    }

    private Member member(long userId) {
        return members.byId(userId).orElseThrow(() -> new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "会员不存在"));
    }
}
