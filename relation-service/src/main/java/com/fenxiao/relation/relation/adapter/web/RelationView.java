package com.fenxiao.relation.relation.adapter.web;

import java.time.Instant;

public record RelationView(String userId, boolean bound, String inviterId, Instant boundAt, Instant coolingOffEndsAt) {}
