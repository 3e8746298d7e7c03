package com.fenxiao.common.persistence;

import java.io.Closeable;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;

/** Closes the physical pools after everything that uses them has stopped. */
public final class PhysicalDatabasesCloser implements DisposableBean {

    private final PhysicalDatabases physical;

    public PhysicalDatabasesCloser(PhysicalDatabases physical) {
        this.physical = physical;
    }

    @Override
    public void destroy() throws IOException {
        for (DataSource ds : physical.byName().values()) {
            if (ds instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }
}
