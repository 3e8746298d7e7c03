package com.fenxiao.withdrawal.wallet.domain;

/** One ledger entry to append: its source makes it unique, its delta is what it does to the buckets. */
public record Posting(EntryType type, String sourceKey, long amountFen, Delta delta) {}
