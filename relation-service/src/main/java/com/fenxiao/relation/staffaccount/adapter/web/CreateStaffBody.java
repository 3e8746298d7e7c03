package com.fenxiao.relation.staffaccount.adapter.web;

import com.fenxiao.common.security.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

record CreateStaffBody(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 200) String password,
        @NotEmpty Set<StaffRole> roles) {}
