package com.fenxiao.common.event;

/**
 * An internal event payload. Each contract is a record under {@code event.<producer>.v<n>}; adding a
 * field is compatible, a breaking change is a new version published beside the old one.
 */
public interface PlatformEvent {

    /** The aggregate id the event is about; becomes the envelope and message key. */
    String key();
}
