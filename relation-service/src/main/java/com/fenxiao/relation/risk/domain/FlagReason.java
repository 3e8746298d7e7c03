package com.fenxiao.relation.risk.domain;

/** Why a member was flagged. Flagged members keep working; their commissions wait for review. */
public enum FlagReason {
    /** More registrations from one device within the window than the threshold allows. */
    DEVICE_FLOOD,
    /** More registrations from one IP address within the window than the threshold allows. */
    IP_FLOOD,
    /** More successful bindings to one inviter within the window than the limit allows. */
    INVITER_RATE_LIMIT
}
