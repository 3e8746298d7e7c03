package com.fenxiao.withdrawal.payout.domain;

import java.util.Optional;

/** WeChat Pay's transfer-bills API. */
public interface TransferBills {

    /** Creates the bill (the same out-bill number again returns the existing bill). */
    Bill create(TransferRequest request) throws TransferOutcomeUnknown, TransferRefused;

    /** The bill by out-bill number; empty when WeChat Pay has no such bill. */
    Optional<Bill> query(String outBillNo) throws TransferOutcomeUnknown;

    /**
     * Cancels a bill still waiting for the member's confirmation. WeChat Pay accepts it as CANCELING and
     * finishes asynchronously (CANCELLED, by query or callback); a bill past cancelling answers its state.
     */
    Bill cancel(String outBillNo) throws TransferOutcomeUnknown;
}
