package com.fenxiao.relation.chain.domain;

/**
 * A buyer's chain: the buyer, the level-1 promoter and the level-2 promoter, each with status and flags.
 * There is no third level. {@code buyer} is null for an unknown user id.
 */
public record Chain(long userId, ChainNode buyer, ChainNode level1, ChainNode level2) {}
