package com.fenxiao.relation.chain.adapter.web;

import java.util.List;

/** Chains for the commission engine: the buyer and its two levels, each with status and active flags. */
public record ChainsView(List<Item> items) {

    public record Item(
            String userId, boolean known, String status, List<String> flags, Promoter level1, Promoter level2) {}

    public record Promoter(String userId, String status, List<String> flags) {}
}
