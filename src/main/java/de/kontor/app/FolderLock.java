package de.kontor.app;

import de.kontor.domain.KontorException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operating-system lock on a small file in the data folder, held while files of the
 * database are created, swapped or put back: {@code init}, the swap of a restore and the
 * recovery of interrupted work at the next start. The system releases it when the process
 * ends, even by kill -9, so a crash never leaves the folder locked. The lock file itself is
 * empty and stays (removing it would let a waiting process lock a file nobody else sees).
 */
final class FolderLock implements AutoCloseable {
    static final String NAME = ".kontor-folder.lock";
    private static final Logger LOG = LoggerFactory.getLogger(FolderLock.class);
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait} for another process (or thread) holding it;
     * refuses with a clear message when it stays taken.
     */
    static FolderLock acquire(Path dir, Duration wait) {
        long giveUp = System.nanoTime() + wait.toNanos();
        while (true) {
            FolderLock l = tryAcquire(dir);
            if (l != null) {
                return l;
            }
            if (System.nanoTime() - giveUp > 0) {
                LOG.info("data folder stayed locked by other work for {} s", wait.toSeconds());
                throw new KontorException("error.folderBusy", dir.toString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KontorException(e, "error.folderBusy", dir.toString());
            }
        }
    }

    /** The lock, or null when another process or thread holds it. */
    static FolderLock tryAcquire(Path dir) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l != null) {
                return new FolderLock(ch, l);
            }
        } catch (OverlappingFileLockException e) {
            LOG.debug("data folder locked by another thread of this process");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new KontorException(e, "error.io", dir.toString(), e.getMessage());
        }
        closeQuietly(ch);
        return null;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.warn("lock file not closed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("folder lock not released: {}", e.getClass().getSimpleName());
        }
        closeQuietly(channel);
    }
}
