package com.fenxiao.settlement.release.application;

import com.fenxiao.settlement.SettlementProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the release job on its interval when enabled; every instance may run it (shards are locked). */
@Component
public class ReleaseScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReleaseScheduler.class);

    private final ReleaseJob job;
    private final SettlementProperties properties;
    private ScheduledExecutorService timer;

    public ReleaseScheduler(ReleaseJob job, SettlementProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.getRelease().isEnabled() || timer != null) {
            return;
        }
        long every = Math.max(1, properties.getRelease().getInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settlement-release-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            job.runAll("SCHEDULE");
        } catch (RuntimeException e) {
            log.error("scheduled release failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
