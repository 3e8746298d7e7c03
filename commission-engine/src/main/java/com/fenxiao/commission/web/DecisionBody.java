package com.fenxiao.commission.web;

import jakarta.validation.constraints.Size;

/** A checker's note on approving or rejecting. */
public record DecisionBody(@Size(max = 500) String note) {}
