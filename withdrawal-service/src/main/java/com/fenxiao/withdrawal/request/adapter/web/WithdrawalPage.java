package com.fenxiao.withdrawal.request.adapter.web;

import java.util.List;

public record WithdrawalPage(List<WithdrawalView> items, String nextCursor) {}
