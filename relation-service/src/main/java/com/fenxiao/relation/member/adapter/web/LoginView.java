package com.fenxiao.relation.member.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;

public record LoginView(String token, long expiresIn, String userId, boolean newUser, Binding binding) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Binding(boolean bound, String inviterId, String refusedReason, String refusedMessage) {}
}
