package dev.switchboard.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The faults of one chaos run, injected one after another while the load runs, each
 * round: the broker connection cut for 10 s (through the {@link BrokerProxy}); Zendesk,
 * Slack, GitHub and TeamViewer answering 503 for 20 s, then Zendesk and Slack 429 with
 * {@code Retry-After} for 10 s, then applying writes but answering 503 for 15 s; then
 * {@code kill -9} of each service in turn and its restart. Every fault is kept with its
 * start and end for the report.
 */
final class ChaosFaults implements Runnable {

	/** One injected fault. */
	record Fault(String name, Instant start, Instant end, String note) {
	}

	private final BrokerProxy proxy;

	private final ChaosSaas saas;

	private final ChaosServices services;

	private final int rounds;

	private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());

	private volatile Throwable failure;

	ChaosFaults(BrokerProxy proxy, ChaosSaas saas, ChaosServices services, int rounds) {
		this.proxy = proxy;
		this.saas = saas;
		this.services = services;
		this.rounds = rounds;
	}

	@Override
	public void run() {
		try {
			Thread.sleep(10_000);
			for (int round = 1; round <= this.rounds; round++) {
				brokerCut(Duration.ofSeconds(10));
				Thread.sleep(10_000);
				saasOutage();
				Thread.sleep(5_000);
				for (String service : ChaosServices.SERVICES) {
					Instant start = Instant.now();
					Duration away = this.services.killAndRestart(service, Duration.ofSeconds(2));
					this.faults.add(new Fault("kill -9 " + service, start, Instant.now(),
							"ready again after " + away.toSeconds() + " s"));
					Thread.sleep(5_000);
				}
			}
		}
		catch (Exception ex) {
			this.failure = ex;
			System.out.println("chaos: fault injection stopped: " + ex);
		}
		finally {
			this.proxy.restore();
			for (String system : List.of("zendesk", "slack", "github", "teamviewer")) {
				this.saas.fault(system, SaasFault.NONE);
			}
		}
	}

	private void brokerCut(Duration length) throws InterruptedException {
		Instant start = Instant.now();
		this.proxy.cut();
		Thread.sleep(length.toMillis());
		this.proxy.restore();
		this.faults.add(new Fault("broker connection cut", start, Instant.now(), "every service, via the proxy"));
	}

	private void saasOutage() throws InterruptedException {
		phase("503 from Zendesk, Slack, GitHub, TeamViewer", Duration.ofSeconds(20), SaasFault.UNAVAILABLE, "zendesk",
				"slack", "github", "teamviewer");
		phase("429 Retry-After: 2 from Zendesk, Slack", Duration.ofSeconds(10), SaasFault.RATE_LIMITED, "zendesk",
				"slack");
		phase("writes applied, answered 503 (Zendesk, Slack)", Duration.ofSeconds(15), SaasFault.APPLIED_THEN_FAILED,
				"zendesk", "slack");
	}

	private void phase(String name, Duration length, SaasFault fault, String... systems) throws InterruptedException {
		Instant start = Instant.now();
		for (String system : systems) {
			this.saas.fault(system, fault);
		}
		Thread.sleep(length.toMillis());
		for (String system : systems) {
			this.saas.fault(system, SaasFault.NONE);
		}
		this.faults.add(new Fault(name, start, Instant.now(), ""));
	}

	List<Fault> faults() {
		return List.copyOf(this.faults);
	}

	Throwable failure() {
		return this.failure;
	}

	Instant lastFaultEnded() {
		return this.faults().stream().map(Fault::end).max(Instant::compareTo).orElse(Instant.EPOCH);
	}

}
