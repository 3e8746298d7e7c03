package com.fenxiao.withdrawal.request.adapter.web;

import jakarta.validation.constraints.Size;

/** Optional: the approver's note, kept with the approval and in the audit log. */
public record ApproveBody(@Size(max = 200) String note) {}
