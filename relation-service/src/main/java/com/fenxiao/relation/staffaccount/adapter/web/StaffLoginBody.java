package com.fenxiao.relation.staffaccount.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record StaffLoginBody(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}
