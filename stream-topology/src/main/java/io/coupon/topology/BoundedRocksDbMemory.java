package io.coupon.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB store of this process under one memory budget: a shared block cache that also holds the
 * memtables (through the write-buffer manager) and the index and filter blocks. Without it each store sizes its
 * own caches and memtables, so memory grows with the number of partitions an instance happens to own, and an
 * instance that takes over a dead one's tasks can run out of memory exactly when it is needed most.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams hands its whole configuration to the setter; this entry carries the budget. */
    public static final String MEMORY_BYTES_CONFIG = "coupon.rocksdb.memory.bytes";

    /** Memtables may take up to this share of the budget before RocksDB flushes them. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long budgetBytes;

    /** Created on the first store and shared by all: the budget is per process, not per store. */
    private static synchronized void ensureShared(long bytes) {
        if (cache == null) {
            budgetBytes = bytes;
            cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
            writeBufferManager = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
        }
    }

    /** The budget in force, or 0 before the first store opened. */
    public static synchronized long budgetBytes() {
        return budgetBytes;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(MEMORY_BYTES_CONFIG);
        long bytes = configured == null ? 256L << 20 : Long.parseLong(configured.toString());
        ensureShared(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the manager are shared by every store of the process and live as long as it does.
    }
}
