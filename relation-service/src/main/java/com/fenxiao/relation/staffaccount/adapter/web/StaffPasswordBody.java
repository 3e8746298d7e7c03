package com.fenxiao.relation.staffaccount.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record StaffPasswordBody(@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 255) String reason) {}
