package com.fenxiao.common.persistence;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The one routing rule: a key maps to a slot in {@code [0, databases × tables)}; the database is
 * {@code slot / tables} and the table {@code slot % tables}. Numeric keys (user ids, numeric order
 * ids) use their value, other strings their CRC-32, so routing is stable across JVMs and languages.
 */
public final class ShardRouting {

    private ShardRouting() {}

    public static long hash(Object key) {
        if (key instanceof Number n) {
            return n.longValue();
        }
        String s = String.valueOf(key);
        if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    public static int slot(Object key, int databases, int tables) {
        return (int) Math.floorMod(hash(key), (long) databases * tables);
    }

    public static int database(Object key, int databases, int tables) {
        return slot(key, databases, tables) / tables;
    }

    public static int table(Object key, int databases, int tables) {
        return slot(key, databases, tables) % tables;
    }
}
