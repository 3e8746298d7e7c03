package com.fenxiao.commission.record.adapter.web;

import java.util.List;

/** A page of commissions; {@code notice} is the compliance line every earnings page shows (SPEC §2.5). */
public record CommissionPageView<T>(List<T> items, String nextCursor, String notice) {

    public static final String NOTICE = "本平台仅支持两级分佣,收益来自真实消费";
}
