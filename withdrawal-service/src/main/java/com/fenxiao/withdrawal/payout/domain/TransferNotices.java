package com.fenxiao.withdrawal.payout.domain;

import java.util.Map;

/** Verifies a transfer-bill callback (signature, serial, timestamp window) and decrypts its resource. */
public interface TransferNotices {

    /** @param headers request headers, names lower-cased */
    Bill read(Map<String, String> headers, String body) throws NoticeRefused;
}
