package com.fenxiao.relation.staff.adapter.web;

import jakarta.validation.constraints.Size;

public record DecisionBody(@Size(max = 255) String note) {}
