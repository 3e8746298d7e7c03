package com.fenxiao.relation.relation.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BindBody(@NotBlank @Size(max = 32) String inviteCode) {}
