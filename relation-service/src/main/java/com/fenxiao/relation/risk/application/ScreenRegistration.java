package com.fenxiao.relation.risk.application;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.risk.domain.FlagReason;
import com.fenxiao.relation.risk.domain.SlidingWindows;
import com.fenxiao.relation.risk.domain.Thresholds;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts a new registration per device (24 h) and per IP (1 h) and flags the new account when either
 * count passes its threshold. Runs inside the registration's transaction; a rollback takes the
 * counted registration back out of the windows.
 */
@Service
public class ScreenRegistration {

    private final SlidingWindows windows;
    private final Thresholds thresholds;
    private final FlagMember flagMember;
    private final String prefix;

    public ScreenRegistration(
            SlidingWindows windows, Thresholds thresholds, FlagMember flagMember, RelationProperties props) {
        this.windows = windows;
        this.thresholds = thresholds;
        this.flagMember = flagMember;
        this.prefix = props.getCache().getKeyPrefix();
    }

    /** True when the new member was flagged. */
    public boolean screen(long userId, String deviceId, String ip, Instant now) {
        String entry = Long.toString(userId);
        String deviceKey = prefix + "reg:device:" + deviceId;
        String ipKey = prefix + "reg:ip:" + ip;
        long byDevice = windows.record(deviceKey, entry, now, thresholds.deviceWindow());
        long byIp = windows.record(ipKey, entry, now, thresholds.ipWindow());
        releaseOnRollback(deviceKey, ipKey, entry);
        boolean flagged = false;
        if (thresholds.deviceFlood(byDevice)) {
            flagged |= flagMember.flag(
                    userId,
                    FlagReason.DEVICE_FLOOD,
                    byDevice + " registrations from device within " + thresholds.deviceWindow(),
                    now);
        }
        if (thresholds.ipFlood(byIp)) {
            flagged |= flagMember.flag(
                    userId,
                    FlagReason.IP_FLOOD,
                    byIp + " registrations from " + ip + " within " + thresholds.ipWindow(),
                    now);
        }
        return flagged;
    }

    private void releaseOnRollback(String deviceKey, String ipKey, String entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    windows.release(deviceKey, entry);
                    windows.release(ipKey, entry);
                }
            }
        });
    }
}
