package com.fenxiao.withdrawal.identity.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** PUT /api/v1/me/identity. {@code toString} never shows the ID number. */
public record IdentityBody(@NotBlank @Size(max = 50) String realName, @NotBlank @Size(max = 32) String idNumber) {

    @Override
    public String toString() {
        return "IdentityBody[realName=***, idNumber=***]";
    }
}
