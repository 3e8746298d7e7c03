package com.fenxiao.relation.wechat.adapter.local;

import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import com.fenxiao.relation.wechat.domain.QrCodes;

/** The local stand-in for the mini-program code: a plain QR code carrying the page and the scene. */
public class LocalMiniProgramCodes implements MiniProgramCodes {

    private final QrCodes qr;

    public LocalMiniProgramCodes(QrCodes qr) {
        this.qr = qr;
    }

    @Override
    public byte[] unlimited(String scene, String page, int width) {
        if (scene.length() > MAX_SCENE) {
            throw new IllegalArgumentException("scene longer than " + MAX_SCENE);
        }
        return qr.png("local-wxacode:" + page + "?scene=" + scene, width);
    }
}
