package com.fenxiao.common.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs Flyway on every physical database (never through ShardingSphere). A migration statement
 * containing {@code {shard}} is repeated once per table of the database, with {@code {shard}}
 * replaced by 0 … tables−1, so one script creates {@code commission_record_0 … _3}.
 * Scripts come from {@code db/migration/common} (outbox, inbox) and the service's own folder.
 */
public final class ShardedMigrations {

    private static final Logger log = LoggerFactory.getLogger(ShardedMigrations.class);
    public static final String SHARD_TOKEN = "{shard}";

    private ShardedMigrations() {}

    public static void migrate(PhysicalDatabases physical, List<String> folders) {
        List<Template> templates = load(folders);
        for (Map.Entry<String, DataSource> ds : physical.byName().entrySet()) {
            int tables = physical.tablesPerDatabase();
            Flyway flyway = Flyway.configure()
                    .dataSource(ds.getValue())
                    .locations("classpath:db/fx-java-migrations-none")
                    .resourceProvider(new Provider(templates, tables))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            log.info(
                    "migrated {} ({}): {} migrations applied",
                    ds.getKey(),
                    physical.databaseNames().get(ds.getKey()),
                    applied);
        }
    }

    static String expand(String sql, int tables) {
        StringBuilder out = new StringBuilder();
        for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
            if (statement.isBlank()) {
                continue;
            }
            if (statement.contains(SHARD_TOKEN)) {
                for (int t = 0; t < tables; t++) {
                    out.append(statement.replace(SHARD_TOKEN, String.valueOf(t)).strip())
                            .append(";\n");
                }
            } else {
                out.append(statement.strip()).append(";\n");
            }
        }
        return out.toString();
    }

    private record Template(String filename, String sql) {}

    private static List<Template> load(List<String> folders) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Template> templates = new ArrayList<>();
        for (String folder : folders) {
            try {
                for (Resource r : resolver.getResources("classpath*:" + folder + "/*.sql")) {
                    try (InputStream in = r.getInputStream()) {
                        templates.add(
                                new Template(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migrations from " + folder, e);
            }
        }
        return templates;
    }

    private static final class Provider implements ResourceProvider {
        private final List<Template> templates;
        private final int tables;

        Provider(List<Template> templates, int tables) {
            this.templates = templates;
            this.tables = tables;
        }

        @Override
        public LoadableResource getResource(String name) {
            return templates.stream()
                    .filter(t -> t.filename().equals(name))
                    .findFirst()
                    .map(t -> (LoadableResource) new Expanded(t.filename(), expand(t.sql(), tables)))
                    .orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (Template t : templates) {
                if (!t.filename().startsWith(prefix)) {
                    continue;
                }
                for (String suffix : suffixes) {
                    if (t.filename().endsWith(suffix)) {
                        out.add(new Expanded(t.filename(), expand(t.sql(), tables)));
                        break;
                    }
                }
            }
            return out;
        }
    }

    private static final class Expanded extends LoadableResource {
        private final String filename;
        private final String sql;

        Expanded(String filename, String sql) {
            this.filename = filename;
            this.sql = sql;
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return filename;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return filename;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
