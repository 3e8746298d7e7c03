package com.fenxiao.relation.member.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record LoginBody(
        @NotBlank @Size(max = 128) String code,
        @Size(max = 32) String inviteCode,
        @Pattern(regexp = "LINK|QR|WXACODE|CODE", message = "channel 只能是 LINK、QR、WXACODE 或 CODE") String channel,
        @NotBlank @Size(max = 128) String deviceId,
        @NotBlank @Size(max = 32) String agreementVersion,
        @Size(max = 64) String nickname) {}
