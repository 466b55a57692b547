package de.kontor.store;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.FreeSpaceBitSet;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Incremental erasure compaction of the open H2 file (see decision record 0008): after an
 * erasure has committed, H2 itself rewrites the live pages of every chunk that holds a dead page
 * (or stale bytes after its table of contents), the emptied chunks are freed, every free block
 * inside the file is overwritten with zeros through the store's own (encrypting) channel, and the
 * free tail is cut off. What is left in the file is then live data only, as after
 * {@code SHUTDOWN COMPACT}, but only the chunks that held dead pages are written.
 *
 * <p>It needs a few non-public parts of H2 2.5's MVStore, reached by reflection and checked when
 * used; when anything is missing or a step cannot be verified (e.g. this process is an
 * {@code AUTO_SERVER} client and the store lives in another process) {@link #run} answers
 * {@code false} and the caller falls back to {@code SHUTDOWN COMPACT}.
 */
final class ChunkScrub {
    private static final int BLOCK = 4096;
    private static final int FOOTER = 128;
    private static final int ZEROS = 1 << 20;
    private static final int ROUNDS = 8;

    /** What one run did, for tests and the benchmark. */
    record Result(int rewrittenChunks, int checkedChunks, long zeroedBytes, long fileBytes) {}

    private final MVStore store;
    private final RandomAccessStore file;
    private final H2Internals h2;

    private ChunkScrub(MVStore store, RandomAccessStore file, H2Internals h2) {
        this.store = store;
        this.file = file;
        this.h2 = h2;
    }

    /**
     * The scrub for the store behind {@code connection}, or null when the store is not in this
     * process or not a single file.
     */
    static ChunkScrub of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return null; // AUTO_SERVER client: the file is open in another process
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        if (!(store.getFileStore() instanceof RandomAccessStore file) || store.isReadOnly()) {
            return null;
        }
        H2Internals h2 = H2Internals.get();
        return h2 == null ? null : new ChunkScrub(store, file, h2);
    }

    /**
     * Removes dead data from the file; throws {@link IllegalStateException} when a step could not
     * be verified (the file is consistent in any case: every write goes through H2's own paths or
     * into blocks H2 counts as free).
     */
    Result run() {
        long temporary = temporaryLobs();
        if (temporary > 0) {
            // values a session streamed in or read as LOBs stay in H2's temporary LOB map (inline
            // for small ones) until that session closes; SHUTDOWN COMPACT closes every session
            throw new IllegalStateException(temporary + " temporary LOBs of open sessions");
        }
        int retention = store.getRetentionTime();
        store.setRetentionTime(0);
        try {
            // two stored versions: H2 counts a page as dead in its chunk only when a version after
            // the one that removed it is stored
            store.commit();
            h2.markMetaChanged(store);
            store.commit();
            Set<Integer> dirty = new HashSet<>();
            int[] checked = new int[1];
            RuntimeException[] failure = new RuntimeException[1];
            store.executeFilestoreOperation(() -> {
                try { // an exception escaping here would make H2 close the store in panic
                    h2.bufferPool(file).clear(); // buffers that held erased values must not pad new chunks
                    for (Chunk<?> c : h2.chunks(file).values()) {
                        int live = h2.livePages(c);
                        if (c.block != 0 && live > 0 && (live < h2.pages(c) || staleTail(c))) {
                            dirty.add(c.id);
                        }
                        checked[0]++;
                    }
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            rewrite(dirty);
            long zeroed = zeroFreeSpace(dirty);
            return new Result(dirty.size(), checked[0], zeroed, file.size());
        } finally {
            store.setRetentionTime(retention);
        }
    }

    /** Entries in H2's map of temporary LOBs (0 if the map does not exist). */
    private long temporaryLobs() {
        String id = store.getMetaMap().get("name.tempLobMap");
        if (id == null) {
            return 0;
        }
        var map = store.getMap(Integer.parseInt(id, 16));
        if (map == null) {
            throw new IllegalStateException("temporary LOB map not open");
        }
        return map.sizeAsLong();
    }

    /** True if the bytes between the chunk's table of contents and its footer are not all zero. */
    private boolean staleTail(Chunk<?> c) {
        long start = c.block * BLOCK + h2.tocEnd(c);
        long end = (c.block + c.len) * BLOCK - FOOTER;
        if (end <= start) {
            return false;
        }
        ByteBuffer b = h2.read(file, c, start, (int) (end - start));
        while (b.hasRemaining()) {
            if (b.get() != 0) {
                return true;
            }
        }
        return false;
    }

    /** H2 rewrites the live pages of the chunks; then they are dead and, with retention 0, freed. */
    private void rewrite(Set<Integer> dirty) {
        ReentrantLock storeLock = h2.storeLock(store);
        Set<Integer> left = new HashSet<>(dirty);
        for (int round = 0; round < ROUNDS && (!left.isEmpty() || !dead().isEmpty()); round++) {
            storeLock.lock();
            try {
                if (!left.isEmpty()) {
                    h2.rewrite(file, store, left);
                } else {
                    h2.markMetaChanged(store); // one more version, so emptied chunks fall out of use
                }
            } finally {
                storeLock.unlock();
            }
            store.commit();
            storeLock.lock();
            try {
                file.dropUnusedChunks();
            } finally {
                storeLock.unlock();
            }
            left.retainAll(h2.chunks(file).keySet());
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("chunks still in use after rewrite: " + left);
        }
        if (!dead().isEmpty()) {
            throw new IllegalStateException("dead chunks not freed (an older version is still read): " + dead());
        }
    }

    private List<Integer> dead() {
        List<Integer> dead = new ArrayList<>();
        for (Chunk<?> c : h2.chunks(file).values()) {
            if (h2.livePages(c) == 0) {
                dead.add(c.id);
            }
        }
        return dead;
    }

    /**
     * Overwrites every block H2 counts as free inside the file with zeros (through the store's
     * channel, so an encrypted file gets fresh ciphertext) and cuts off the free tail. Runs with
     * H2's store and chunk locks held, so no chunk can be allocated meanwhile; the store header is
     * written and synced first, so after a crash the newest chunk is found without the freed ones.
     */
    private long zeroFreeSpace(Set<Integer> rewritten) {
        long[] zeroed = new long[1];
        RuntimeException[] failure = new RuntimeException[1];
        store.executeFilestoreOperation(() -> {
            ReentrantLock chunkLock = h2.saveChunkLock(file);
            chunkLock.lock();
            try {
                for (int id : rewritten) {
                    if (h2.chunks(file).containsKey(id)) {
                        throw new IllegalStateException("chunk " + id + " came back");
                    }
                }
                h2.writeStoreHeader(file);
                file.sync();
                FreeSpaceBitSet free = h2.freeSpace(file);
                long inUse = h2.fileLengthInUse(file);
                ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
                long pos = 2L * BLOCK;
                while (pos < inUse) {
                    if (!free.isFree(pos, BLOCK)) {
                        pos += BLOCK;
                        continue;
                    }
                    long end = pos;
                    while (end < inUse && end - pos < ZEROS && free.isFree(end, BLOCK)) {
                        end += BLOCK;
                    }
                    zeros.clear().limit((int) (end - pos));
                    h2.write(file, pos, zeros);
                    zeroed[0] += end - pos;
                    pos = end;
                }
                h2.shrink(file);
                file.sync();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                chunkLock.unlock();
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return zeroed[0];
    }

    /** The non-public parts of H2 2.5's MVStore this needs, looked up once. */
    static final class H2Internals {
        private static volatile H2Internals instance;
        private static volatile boolean missing;

        private final Field storeLock;
        private final Field saveChunkLock;
        private final Field bufferPool;
        private final Field freeSpace;
        private final Field tocPos;
        private final Field pageCount;
        private final Field pageCountLive;
        private final Method chunks;
        private final Method compactRewrite;
        private final Field serializationLock;
        private final Method writeStoreHeader;
        private final Method fileLengthInUse;
        private final Method shrink;
        private final Method markMetaChanged;
        private final Method writeFully;
        private final Method readFully;

        private H2Internals() throws ReflectiveOperationException {
            storeLock = field(MVStore.class, "storeLock");
            saveChunkLock = field(FileStore.class, "saveChunkLock");
            serializationLock = field(FileStore.class, "serializationLock");
            bufferPool = field(FileStore.class, "writeBufferPool");
            freeSpace = field(RandomAccessStore.class, "freeSpace");
            tocPos = field(Chunk.class, "tocPos");
            pageCount = field(Chunk.class, "pageCount");
            pageCountLive = field(Chunk.class, "pageCountLive");
            chunks = method(FileStore.class, "getChunks");
            compactRewrite = method(FileStore.class, "compactRewrite", Set.class);
            writeStoreHeader = method(RandomAccessStore.class, "writeStoreHeader");
            fileLengthInUse = method(RandomAccessStore.class, "getFileLengthInUse");
            shrink = method(RandomAccessStore.class, "shrinkStoreIfPossible", int.class);
            markMetaChanged = method(MVStore.class, "markMetaChanged");
            Class<?> single = Class.forName("org.h2.mvstore.SingleFileStore");
            Class<?> sfChunk = Class.forName("org.h2.mvstore.SFChunk");
            writeFully = method(single, "writeFully", sfChunk, long.class, ByteBuffer.class);
            readFully = method(single, "readFully", sfChunk, long.class, int.class);
        }

        static H2Internals get() {
            if (instance == null && !missing) {
                try {
                    instance = new H2Internals();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    missing = true;
                }
            }
            return instance;
        }

        private static Field field(Class<?> type, String name) throws NoSuchFieldException {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }

        private static Method method(Class<?> type, String name, Class<?>... args) throws NoSuchMethodException {
            Method m = type.getDeclaredMethod(name, args);
            m.setAccessible(true);
            return m;
        }

        private static Object get(Field f, Object target) {
            try {
                return f.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object call(Method m, Object target, Object... args) {
            try {
                return m.invoke(target, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        ReentrantLock storeLock(MVStore store) {
            return (ReentrantLock) get(storeLock, store);
        }

        ReentrantLock saveChunkLock(FileStore<?> file) {
            return (ReentrantLock) get(saveChunkLock, file);
        }

        Queue<?> bufferPool(FileStore<?> file) {
            return (Queue<?>) get(bufferPool, file);
        }

        FreeSpaceBitSet freeSpace(RandomAccessStore file) {
            return (FreeSpaceBitSet) get(freeSpace, file);
        }

        long tocEnd(Chunk<?> c) {
            return (int) get(tocPos, c) + 8L * (int) get(pageCount, c);
        }

        int pages(Chunk<?> c) {
            return (int) get(pageCount, c);
        }

        int livePages(Chunk<?> c) {
            return (int) get(pageCountLive, c);
        }

        @SuppressWarnings("unchecked")
        Map<Integer, Chunk<?>> chunks(FileStore<?> file) {
            return (Map<Integer, Chunk<?>>) call(chunks, file);
        }

        /** FileStore.compactRewrite under the serialization lock and a version usage, as H2 does. */
        void rewrite(FileStore<?> file, MVStore store, Set<Integer> ids) {
            ReentrantLock lock = (ReentrantLock) get(serializationLock, file);
            lock.lock();
            try {
                MVStore.TxCounter usage = store.registerVersionUsage();
                try {
                    call(compactRewrite, file, new HashSet<>(ids));
                } finally {
                    store.deregisterVersionUsage(usage);
                }
            } finally {
                lock.unlock();
            }
        }

        void markMetaChanged(MVStore store) {
            call(markMetaChanged, store);
        }

        void writeStoreHeader(RandomAccessStore file) {
            call(writeStoreHeader, file);
        }

        long fileLengthInUse(RandomAccessStore file) {
            return (long) call(fileLengthInUse, file);
        }

        void shrink(RandomAccessStore file) {
            call(shrink, file, 0);
        }

        void write(RandomAccessStore file, long pos, ByteBuffer data) {
            call(writeFully, file, null, pos, data);
        }

        ByteBuffer read(RandomAccessStore file, Chunk<?> c, long pos, int len) {
            return (ByteBuffer) call(readFully, file, c, pos, len);
        }
    }
}
