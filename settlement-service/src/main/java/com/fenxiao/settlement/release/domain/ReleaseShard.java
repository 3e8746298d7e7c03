package com.fenxiao.settlement.release.domain;

/** One physical table of commissions: the unit of work one instance owns at a time. */
public record ReleaseShard(String database, int table) {

    public String key() {
        return database + "/" + table;
    }

    public static ReleaseShard parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("a shard is written ds_N/T: " + key);
        }
        return new ReleaseShard(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
    }
}
