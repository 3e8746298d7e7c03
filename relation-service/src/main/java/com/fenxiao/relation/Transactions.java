package com.fenxiao.relation;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in one transaction and runs it again when the database chose it as a deadlock
 * victim. Bindings lock the member and the rows above the new inviter; two bindings that would close a
 * cycle together deadlock, and the retry then sees the other's binding and refuses with CYCLE.
 */
@Component
public class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate tx;

    public Transactions(TransactionTemplate tx) {
        this.tx = tx;
    }

    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("transaction lost a lock conflict (attempt {}), retrying: {}", attempt, e.getMessage());
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
