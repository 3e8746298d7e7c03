package com.fenxiao.common.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its data. With {@code databases = 2} and {@code tablesPerDatabase = 4} a
 * sharded table {@code t} exists as {@code <name>_0.t_0 … <name>_1.t_3}. Endpoints come from the
 * environment ({@code MYSQL_*}); the shard layout is fixed per deployment (changing it is a data move).
 */
@ConfigurationProperties("platform.datasource")
public class DatabaseProperties {

    private String host = "127.0.0.1";
    private int port = 3306;
    private String username = "root";
    private String password = "";
    /** Base database name; sharded services append {@code _0}, {@code _1}, … */
    private String name;

    private boolean sharded = true;
    private int databases = 2;
    private int tablesPerDatabase = 4;
    private int poolSize = 10;
    /** Create the databases when missing (local and tests); production grants may forbid it. */
    private boolean createDatabases = true;

    private boolean migrate = true;
    private java.util.List<String> migrationFolders = java.util.List.of("db/migration/common", "db/migration/service");
    private String options = "useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true&characterEncoding=utf8"
            + "&useServerPrepStmts=false&cachePrepStmts=true";

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database) + "?" + options;
    }

    public int databaseCount() {
        return sharded ? databases : 1;
    }

    public String physicalName(int index) {
        return sharded ? name + "_" + index : name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isSharded() {
        return sharded;
    }

    public void setSharded(boolean sharded) {
        this.sharded = sharded;
    }

    public int getDatabases() {
        return databases;
    }

    public void setDatabases(int databases) {
        this.databases = databases;
    }

    public int getTablesPerDatabase() {
        return tablesPerDatabase;
    }

    public void setTablesPerDatabase(int tablesPerDatabase) {
        this.tablesPerDatabase = tablesPerDatabase;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public boolean isCreateDatabases() {
        return createDatabases;
    }

    public void setCreateDatabases(boolean createDatabases) {
        this.createDatabases = createDatabases;
    }

    public boolean isMigrate() {
        return migrate;
    }

    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    public java.util.List<String> getMigrationFolders() {
        return migrationFolders;
    }

    public void setMigrationFolders(java.util.List<String> migrationFolders) {
        this.migrationFolders = migrationFolders;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }
}
