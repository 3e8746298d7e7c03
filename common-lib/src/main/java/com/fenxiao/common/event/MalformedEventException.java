package com.fenxiao.common.event;

/** A message that can never be handled as sent: it goes to the dead-letter topic with this reason. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
