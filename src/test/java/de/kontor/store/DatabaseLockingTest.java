package de.kontor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.domain.KontorException;
import de.kontor.security.DatabaseKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision record 0012: transactions and reads share; compaction, backup and close wait for
 * running work, and no work runs while they do. Waits are on conditions (latches), not on
 * timings, so a busy machine only makes the test slower.
 */
class DatabaseLockingTest {
    private static final long MINUTE = 60;
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        try (DatabaseKey key = new DatabaseKey(raw)) {
            db = Database.create(new DataFolder(dir.resolve("data")), key);
        }
        db.inTransaction(tx -> tx.dsl().execute("CREATE TABLE IF NOT EXISTS T_LOCK(ID INT)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A long transaction holds; the exclusive operation starts, waits; a later transaction runs only after it. */
    private void exclusiveWaitsForWorkAndWorkWaitsForIt(String name, Consumer<Database> exclusiveOp) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longTx = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
            tx.dsl().execute("INSERT INTO T_LOCK VALUES (1)");
            events.add("long transaction inside");
            inside.countDown();
            await(release);
            events.add("long transaction ends");
            return null;
        }));
        assertThat(inside.await(MINUTE, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> exclusive = CompletableFuture.runAsync(() -> {
            exclusiveOp.accept(db);
            events.add(name + " done");
        });
        // the exclusive operation is waiting for the transaction: it must not have run
        waitUntil(() -> db.exclusiveWaiting());
        assertThat(exclusive).isNotDone();
        long exclusiveBefore = db.exclusiveRuns();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
            // "done" is recorded after the exclusive part has let go, so count the exclusive runs here
            events.add(db.exclusiveRuns() > exclusiveBefore ? "later transaction after " + name
                    : "later transaction inside");
            tx.dsl().execute("INSERT INTO T_LOCK VALUES (2)");
            return null;
        }));
        waitUntil(() -> db.sharedWaiting());
        release.countDown();
        longTx.get(MINUTE, TimeUnit.SECONDS);
        exclusive.get(MINUTE, TimeUnit.SECONDS);
        later.get(MINUTE, TimeUnit.SECONDS);
        assertThat(events).containsSubsequence("long transaction inside", "long transaction ends", name + " done")
                .contains("later transaction after " + name).doesNotContain("later transaction inside")
                .startsWith("long transaction inside", "long transaction ends");
    }

    @Test
    void compactionWaitsForATransactionAndNoTransactionRunsDuringIt() throws Exception {
        exclusiveWaitsForWorkAndWorkWaitsForIt("compaction", Database::compact);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void backupWaitsForATransactionAndNoTransactionRunsDuringIt() throws Exception {
        exclusiveWaitsForWorkAndWorkWaitsForIt("backup", d -> d.backupTo(dir.resolve("copy.mv.db")));
        assertThat(dir.resolve("copy.mv.db")).isRegularFile();
    }

    @Test
    void closeWaitsForARunningTransactionThenWorkIsRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longTx = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
            inside.countDown();
            await(release);
            tx.dsl().execute("INSERT INTO T_LOCK VALUES (1)");
            return null;
        }));
        assertThat(inside.await(MINUTE, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(db::close);
        waitUntil(() -> db.exclusiveWaiting());
        release.countDown();
        longTx.get(MINUTE, TimeUnit.SECONDS);
        closing.get(MINUTE, TimeUnit.SECONDS);
        assertThatThrownBy(() -> db.read(tx -> tx.dsl().fetchCount(tx.dsl().selectFrom("T_LOCK"))))
                .isInstanceOf(KontorException.class);
    }

    @Test
    void aReadInsideATransactionGoesOnWhileACompactionWaits() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> longTx = CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
            inside.countDown();
            await(release);
            return db.read(inner -> inner.dsl().fetchCount(inner.dsl().selectFrom("T_LOCK")));
        }));
        assertThat(inside.await(MINUTE, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> compaction = CompletableFuture.runAsync(db::compact);
        waitUntil(() -> db.exclusiveWaiting());
        release.countDown();
        assertThat(longTx.get(MINUTE, TimeUnit.SECONDS)).isZero();
        compaction.get(MINUTE, TimeUnit.SECONDS);
    }

    @Test
    void anExclusiveOperationFromInsideATransactionIsRefusedAtOnceInsteadOfWaitingForItself() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            db.compact();
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.read(tx -> {
            db.backupTo(dir.resolve("x.mv.db"));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void workThatDoesNotFinishGetsAClearMessageInsteadOfAHang() throws Exception {
        db.waitLimit(Duration.ofMillis(300));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longTx = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertThat(inside.await(MINUTE, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(db::compact).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.databaseBusy"));
        release.countDown();
        longTx.get(MINUTE, TimeUnit.SECONDS);
        db.waitLimit(Duration.ofMinutes(2));
        db.compact();
        assertThat(rows()).isZero();
    }

    private int rows() {
        return db.read(tx -> tx.dsl().fetchCount(tx.dsl().selectFrom("T_LOCK")));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(MINUTE, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(MINUTE);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - giveUp).as("condition reached within a minute").isNegative();
            Thread.sleep(10);
        }
    }
}
