package com.fenxiao.withdrawal.request.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RejectBody(@NotBlank @Size(max = 200) String reason) {}
