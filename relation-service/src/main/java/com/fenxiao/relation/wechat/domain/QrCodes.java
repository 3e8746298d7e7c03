package com.fenxiao.relation.wechat.domain;

/** Renders text as a QR code PNG. */
public interface QrCodes {

    byte[] png(String text, int size);
}
