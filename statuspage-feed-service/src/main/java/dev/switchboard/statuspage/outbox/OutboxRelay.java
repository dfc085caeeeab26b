package dev.switchboard.statuspage.outbox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relay of every outbox of this service: publishes the messages of rows the caller
 * claimed ({@code FOR UPDATE SKIP LOCKED}, held until its transaction ends) and marks the
 * rows sent only after the broker confirmed all of them. A failure throws and the
 * caller's transaction rolls back, so no row is marked: the next tick publishes them
 * again with the same message ids, which receivers drop.
 */
@Component
public class OutboxRelay {

	private final ConfirmedPublisher publisher;

	public OutboxRelay(ConfirmedPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * @param rows the claimed rows
	 * @param messages the messages of one row
	 * @param markSent marks one row sent
	 * @return how many rows were relayed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <R> int relay(String destination, List<R> rows, Function<R, List<OutboxMessage>> messages,
			Consumer<R> markSent) {
		if (rows.isEmpty()) {
			return 0;
		}
		this.publisher.publish(destination, rows.stream().flatMap((row) -> messages.apply(row).stream()).toList());
		rows.forEach(markSent);
		return rows.size();
	}

}
