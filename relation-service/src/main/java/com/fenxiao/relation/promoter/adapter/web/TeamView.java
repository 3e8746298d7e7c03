package com.fenxiao.relation.promoter.adapter.web;

import java.time.Instant;
import java.util.List;

public record TeamView(List<Item> items, String nextCursor) {

    public record Item(String userId, String nickname, Instant joinedAt) {}
}
