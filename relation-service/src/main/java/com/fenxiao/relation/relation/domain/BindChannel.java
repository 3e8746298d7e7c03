package com.fenxiao.relation.relation.domain;

/** How a binding came about: a shared link, the QR code, the mini-program code, a typed code, or staff. */
public enum BindChannel {
    LINK,
    QR,
    WXACODE,
    CODE,
    ADMIN
}
