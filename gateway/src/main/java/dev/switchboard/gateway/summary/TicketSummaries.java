package dev.switchboard.gateway.summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import dev.switchboard.contracts.ServiceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * A ticket's summary from the four services, asked at once (the timeline's way): a
 * service that fails or does not answer within {@link #DEADLINE} leaves its part empty
 * and is named in {@link TicketSummary#missing()}, so the sidebar shows the rest and says
 * what is missing.
 */
@Service
public class TicketSummaries {

	/**
	 * How long the slowest service may take: the sidebar waits for it, so shorter than
	 * the timeline's.
	 */
	static final Duration DEADLINE = Duration.ofSeconds(5);

	/** A helpdesk ticket id: 1 to 19 digits without a leading zero. */
	private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");

	private static final Logger log = LoggerFactory.getLogger(TicketSummaries.class);

	private final SummarySources sources;

	public TicketSummaries(SummarySources sources) {
		this.sources = sources;
	}

	/**
	 * @throws IllegalArgumentException when the id is no helpdesk ticket id
	 */
	public TicketSummary of(String ticketId) {
		if (!TICKET_ID.matcher(ticketId).matches() || !fitsALong(ticketId)) {
			throw new IllegalArgumentException(
					"A ticket id is 1 to 19 digits without a leading zero (Zendesk's ticket id).");
		}
		List<String> missing = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<List<LinkedIssue>> issues = executor.submit(() -> this.sources.issues(ticketId));
			Future<List<Call>> calls = executor.submit(() -> this.sources.calls(ticketId));
			Future<List<RemoteSession>> sessions = executor.submit(() -> this.sources.sessions(ticketId));
			Future<Optional<Incident>> incident = executor.submit(() -> this.sources.incident(ticketId));
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			TicketSummary summary = new TicketSummary(ticketId,
					part(ServiceNames.ISSUE_SYNC, issues, List.of(), deadline, ticketId, missing),
					part(ServiceNames.CRM_BRIDGE, calls, List.of(), deadline, ticketId, missing),
					part(ServiceNames.REMOTE_SESSION, sessions, List.of(), deadline, ticketId, missing),
					part(ServiceNames.STATUSPAGE_FEED, incident, Optional.<Incident>empty(), deadline, ticketId,
							missing)
						.orElse(null),
					missing);
			executor.shutdownNow();
			return summary;
		}
	}

	private static boolean fitsALong(String digits) {
		try {
			return Long.parseLong(digits) > 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static <T> T part(String service, Future<T> answer, T none, long deadline, String ticketId,
			List<String> missing) {
		try {
			return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			answer.cancel(true);
			log.warn("{} left out of the summary of ticket {}: {}", service, ticketId,
					(ex instanceof ExecutionException) ? ex.getCause() : "no answer in " + DEADLINE);
			missing.add(service);
			return none;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			missing.add(service);
			return none;
		}
	}

}
