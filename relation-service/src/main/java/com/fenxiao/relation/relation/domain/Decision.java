package com.fenxiao.relation.relation.domain;

/** The outcome of the binding rules for one attempt. */
public sealed interface Decision {

    /** Bind to {@code inviterId}; {@code inviterL2Id} is the inviter's own inviter (may be null). */
    record Bind(long inviterId, Long inviterL2Id) implements Decision {}

    record Refuse(BindRefusal reason) implements Decision {}

    /** Already bound to this very inviter: nothing to do and nothing to refuse. */
    record Unchanged(long inviterId) implements Decision {}
}
