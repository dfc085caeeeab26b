package dev.switchboard.gateway.delivery.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.micrometer.core.instrument.DistributionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Group commit: the rows that concurrent requests hand in while the previous group is
 * being written go to the database together, in one transaction and one round trip. A
 * caller returns only once its own row is committed, or gets the failure of its own row:
 * a group that fails is written again row by row, so one bad row fails alone, unless the
 * database could not be reached (then every row of the group fails at once rather than
 * wait for a connection in turn).
 * <p>
 * There is no linger: a row that comes alone is written at once, and groups form only
 * while the database is busy with the previous one, so a quiet gateway answers as fast as
 * before and a busy one pays one commit per group instead of one per webhook. One writer
 * thread per instance; instances share nothing.
 *
 * @param <R> a row
 */
final class GroupCommit<R> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

	private final BlockingQueue<Pending<R>> queue = new LinkedBlockingQueue<>();

	private final Consumer<List<R>> write;

	private final int maxRows;

	private final DistributionSummary groupRows;

	private final Thread writer;

	private volatile boolean closed;

	/**
	 * @param write writes the rows in one transaction; throws when it could not
	 * @param maxRows the most rows written together
	 * @param groupRows records how many rows each group held
	 */
	GroupCommit(String name, Consumer<List<R>> write, int maxRows, DistributionSummary groupRows) {
		this.write = write;
		this.maxRows = maxRows;
		this.groupRows = groupRows;
		this.writer = Thread.ofPlatform().name(name).daemon().start(this::run);
	}

	/**
	 * Writes the row with whatever other rows are waiting; returns once it is committed.
	 * @throws RuntimeException the failure of this row's write
	 */
	void write(R row) {
		Pending<R> pending = new Pending<>(row, new CompletableFuture<>());
		if (this.closed) {
			writeAlone(pending);
		}
		else {
			this.queue.add(pending);
			if (this.closed && this.queue.remove(pending)) {
				// closed meanwhile, after the writer's last look at the queue
				writeAlone(pending);
			}
		}
		try {
			while (!waitFor(pending)) {
				if (!this.writer.isAlive() && this.queue.remove(pending)) {
					// the writer is gone (it never should be): nobody else will write it
					writeAlone(pending);
				}
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the delivery log write", ex);
		}
	}

	/**
	 * Whether the row's write is done (its result then ready), waiting a second at most.
	 */
	private static boolean waitFor(Pending<?> pending) throws InterruptedException, ExecutionException {
		try {
			pending.done().get(1, TimeUnit.SECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	private void run() {
		List<Pending<R>> group = new ArrayList<>(this.maxRows);
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Pending<R> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				this.queue.drainTo(group, this.maxRows - 1);
				flush(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// flush completes every row it took; this is the writer staying alive
				logger.error("Delivery log writer: unexpected failure", ex);
			}
			finally {
				// none of the group's callers is left waiting, whatever went wrong (no-op
				// for the rows written)
				for (Pending<R> pending : group) {
					if (!pending.done().isDone()) {
						pending.done()
							.completeExceptionally(new IllegalStateException("the delivery log's writer failed"));
					}
				}
				group.clear();
			}
		}
	}

	private void flush(List<Pending<R>> group) {
		this.groupRows.record(group.size());
		if (group.size() == 1) {
			writeAlone(group.get(0));
			return;
		}
		try {
			this.write.accept(group.stream().map(Pending::row).toList());
			group.forEach((pending) -> pending.done().complete(null));
		}
		catch (DataAccessResourceFailureException ex) {
			// the database is out of reach: each row alone would wait as long again, in
			// turn
			group.forEach((pending) -> pending.done().completeExceptionally(ex));
		}
		catch (RuntimeException ex) {
			logger.debug("A group of {} delivery log rows failed; writing them one by one", group.size(), ex);
			group.forEach(this::writeAlone);
		}
	}

	private void writeAlone(Pending<R> pending) {
		try {
			this.write.accept(List.of(pending.row()));
			pending.done().complete(null);
		}
		catch (RuntimeException ex) {
			pending.done().completeExceptionally(ex);
		}
	}

	/**
	 * Takes no more rows: the writer writes what is waiting and ends, later rows are
	 * written by their own callers, one by one. Does not wait (the writer may call it).
	 * @return whether this call stopped it (false: stopped or closed before)
	 */
	synchronized boolean stop() {
		boolean wasOpen = !this.closed;
		this.closed = true;
		return wasOpen;
	}

	/**
	 * Writes what is waiting and stops the writer; later rows are written by their own
	 * callers.
	 */
	@Override
	public void close() {
		stop();
		try {
			this.writer.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Pending<R> left = this.queue.poll(); left != null; left = this.queue.poll()) {
			writeAlone(left);
		}
	}

	private record Pending<R>(R row, CompletableFuture<Void> done) {
	}

}
