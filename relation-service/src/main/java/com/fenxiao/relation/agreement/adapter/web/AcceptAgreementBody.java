package com.fenxiao.relation.agreement.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AcceptAgreementBody(@NotBlank @Size(max = 32) String version) {}
