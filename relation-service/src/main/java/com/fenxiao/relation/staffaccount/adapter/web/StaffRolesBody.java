package com.fenxiao.relation.staffaccount.adapter.web;

import com.fenxiao.common.security.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

record StaffRolesBody(@NotEmpty Set<StaffRole> roles, @NotBlank @Size(max = 255) String reason) {}
