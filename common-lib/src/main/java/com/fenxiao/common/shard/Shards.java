package com.fenxiao.common.shard;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.persistence.ShardRouting;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The physical databases of a sharded service, for the hot paths that route a whole batch once
 * instead of every statement: a batch is grouped by database ({@link #byShard}), each group runs in
 * one local transaction of that database ({@link #inTransaction}), and its statements name the
 * physical tables ({@link Shard#table}) by the same rule ShardingSphere uses ({@link ShardRouting}).
 * Reads, staff paths and everything that is not a batch keep using the logical data source.
 *
 * <p>Each shard has its own outbox and inbox on that database, so a batch's effects, its dedupe marks
 * and the events it announces commit together.
 */
public final class Shards {

    private static final int ATTEMPTS = 4;

    /** One physical database: its JdbcTemplate, a READ COMMITTED transaction template, outbox and inbox. */
    public record Shard(
            int index,
            String name,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Outbox outbox,
            ProcessedEvents inbox,
            int databases,
            int tablesPerDatabase,
            boolean sharded) {

        /** The physical table of {@code logical} that holds {@code key}'s rows ({@code logical_<t>}). */
        public String table(String logical, Object key) {
            if (!sharded) {
                return logical;
            }
            return logical + "_" + ShardRouting.table(key, databases, tablesPerDatabase);
        }

        /** Items grouped by the physical table of {@code logical} their key routes to, in table order. */
        public <T> Map<String, List<T>> byTable(String logical, Collection<T> items, Function<? super T, ?> key) {
            Map<String, List<T>> out = new TreeMap<>();
            for (T item : items) {
                out.computeIfAbsent(table(logical, key.apply(item)), t -> new ArrayList<>())
                        .add(item);
            }
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Shard> shards = new ArrayList<>();
    private final int databases;
    private final int tables;

    public Shards(PhysicalDatabases physical, boolean sharded, IdGenerator ids, EventCodec codec, Clock clock) {
        this.databases = physical.count();
        this.tables = physical.tablesPerDatabase();
        int index = 0;
        for (Map.Entry<String, DataSource> e : physical.byName().entrySet()) {
            JdbcTemplate jdbc = new JdbcTemplate(e.getValue());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(e.getValue()));
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            shards.add(new Shard(
                    index++,
                    e.getKey(),
                    jdbc,
                    tx,
                    new Outbox(jdbc, ids, codec, clock),
                    new ProcessedEvents(jdbc, clock),
                    databases,
                    tables,
                    sharded));
        }
    }

    public List<Shard> all() {
        return List.copyOf(shards);
    }

    /** The database holding {@code key}'s rows. */
    public Shard of(Object key) {
        return shards.get(ShardRouting.database(key, databases, tables));
    }

    /** Items grouped by the database their key routes to, in database order. */
    public <T> Map<Shard, List<T>> byShard(Collection<T> items, Function<? super T, ?> key) {
        Map<Integer, List<T>> byIndex = new TreeMap<>();
        for (T item : items) {
            byIndex.computeIfAbsent(ShardRouting.database(key.apply(item), databases, tables), d -> new ArrayList<>())
                    .add(item);
        }
        Map<Shard, List<T>> out = new LinkedHashMap<>();
        byIndex.forEach((d, list) -> out.put(shards.get(d), list));
        return out;
    }

    /**
     * Runs {@code work} in one local transaction of the shard's database. A deadlock victim, a lock wait
     * time-out or a duplicate key (another instance inserted the same new row first) rolls back and runs
     * again from the start, a few times, before the failure is thrown (the consumer then redelivers).
     */
    public <R> R inTransaction(Shard shard, Function<Shard, R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return shard.tx().execute(status -> work.apply(shard));
            } catch (PessimisticLockingFailureException | DuplicateKeyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Rows per multi-row statement of the batch paths: well under the driver's placeholder limit. */
    public static final int CHUNK = 500;

    /** {@code items} in consecutive views of at most {@link #CHUNK}, for multi-row statements. */
    public static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            out.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return out;
    }

    /** {@code ?, ?, …} for {@code n} values. */
    public static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** {@code (?, …), (?, …), …}: {@code rows} groups of {@code columns} placeholders, for multi-row statements. */
    public static String rows(int rows, int columns) {
        String one = "(" + marks(columns) + ")";
        StringBuilder b = new StringBuilder(rows * (one.length() + 1));
        for (int i = 0; i < rows; i++) {
            b.append(i == 0 ? "" : ",").append(one);
        }
        return b.toString();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
