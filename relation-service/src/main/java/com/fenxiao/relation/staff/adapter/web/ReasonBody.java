package com.fenxiao.relation.staff.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReasonBody(@NotBlank @Size(max = 255) String reason) {}
