package com.fenxiao.relation.staffaccount.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record StaffReasonBody(@NotBlank @Size(max = 255) String reason) {}
