package dev.switchboard.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.testsupport.TestInfrastructure;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./switchboard chaos}: the fault-injection suite. Starts the five packaged
 * services the launcher's way (own port offset, vhost and PostgreSQL databases) with
 * every SaaS API pointed at in-process fakes and the broker behind a proxy, drives a
 * mixed load of signed webhooks through the gateway ({@link ChaosLoad}) while it injects
 * faults ({@link ChaosFaults}), then counts every expected effect in the fakes
 * ({@link ChaosReport}). Prints a table and one line
 * {@code chaos: <n> deliveries, <l> lost, <d> duplicated, <o> out of order}; exits
 * non-zero on any loss, duplicate or order violation. Size with
 * {@code -Dchaos.deliveries} (default 300), spread with {@code -Dchaos.seconds}, fault
 * rounds with {@code -Dchaos.rounds}, instances of every service with
 * {@code -Dchaos.instances} (2: the launcher's and a second one; the kills hit the
 * launcher's while the second keeps working).
 */
public final class ChaosSuite {

	private ChaosSuite() {
	}

	/** How a run ended: the report's counts and whether every fault was injected. */
	record Outcome(int deliveries, long lost, long duplicated, long outOfOrder, @Nullable Throwable faultFailure) {

		boolean clean() {
			return this.lost == 0 && this.duplicated == 0 && this.outOfOrder == 0 && this.faultFailure == null;
		}

	}

	public static void main(String[] args) throws Exception {
		int deliveries = Integer.getInteger("chaos.deliveries", 300);
		// 0 (the pom's default) means: derived from the size
		long seconds = Long.getLong("chaos.seconds", 0);
		int rounds = Integer.getInteger("chaos.rounds", 0);
		Outcome outcome = run(deliveries, (seconds > 0) ? Duration.ofSeconds(seconds) : null,
				(rounds > 0) ? rounds : ((deliveries >= 5000) ? 2 : 1), Integer.getInteger("chaos.instances", 2),
				Duration.ofSeconds(Long.getLong("chaos.settle", 900)));
		System.exit(outcome.clean() ? 0 : 1);
	}

	/**
	 * One run: services started, load and faults, the count printed.
	 * @param spread how long the load lasts, {@code null} for max(150 s, deliveries / 25)
	 */
	static Outcome run(int deliveries, @Nullable Duration spread, int rounds, int instances, Duration settle)
			throws Exception {
		Duration window = (spread != null) ? spread : Duration.ofSeconds(Math.max(150, deliveries / 25));
		TestInfrastructure infrastructure = TestInfrastructure.get();
		for (String service : ChaosServices.SERVICES) {
			infrastructure.databaseUrl(service);
		}
		String tag = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT).replace("-", "x");
		ChaosPlan plan = new ChaosPlan(deliveries, tag);
		ChaosSecrets secrets = ChaosSecrets.random();
		int offset = ListenPorts.freeOffset(8080, 9084);
		Outcome outcome;
		try (BrokerProxy proxy = new BrokerProxy(ListenPorts.freePort(), infrastructure.rabbitHost(),
				infrastructure.rabbitPort()); ChaosSaas saas = new ChaosSaas()) {
			seed(plan, saas);
			System.out.printf("chaos: %d deliveries planned (%d issues, %d of them linked by a Zendesk note, %d calls, "
					+ "%d incidents on %d pages, %d /remote notes), spread over %d s, %d fault round(s), %d instance(s) "
					+ "of every service; vhost %s, port offset %d, broker proxy :%d, fakes %s%n", plan.deliveries(),
					plan.issues.size(), plan.linkedByNote().size(), plan.calls.size(), plan.incidents.size(),
					plan.pages.size(), plan.remoteNotes.size(), window.toSeconds(), rounds, instances,
					infrastructure.vhost(), offset, proxy.port(), saas.baseUrl());
			ChaosServices services = null;
			try {
				services = ChaosServices.start(offset, infrastructure.vhost(), infrastructure.runId(),
						secrets.environment(saas.baseUrl(), proxy.port()));
				outcome = run(plan, secrets, saas, proxy, services, window, rounds, Math.max(1, Math.min(2, instances)),
						settle);
			}
			finally {
				if (services != null) {
					services.close();
				}
				else {
					// the launcher stops what it started when its start fails; this is
					// for the rest
					new ProcessBuilder(Repository.root().resolve("switchboard").toString(), "stop", "--port-offset",
							Integer.toString(offset))
						.inheritIO()
						.start()
						.waitFor();
				}
			}
		}
		return outcome;
	}

	private static Outcome run(ChaosPlan plan, ChaosSecrets secrets, ChaosSaas saas, BrokerProxy proxy,
			ChaosServices services, Duration spread, int rounds, int instances, Duration settle) throws Exception {
		if (instances > 1) {
			Instant start = Instant.now();
			services.startSecondInstances();
			System.out.printf("chaos: a second instance of every service ready in %d s%n",
					Duration.between(start, Instant.now()).toSeconds());
		}
		ChaosAdmin admin = new ChaosAdmin(services.gateways(), secrets.adminKey());
		setUp(plan, saas, admin);
		ChaosLoad load = new ChaosLoad(plan, secrets, saas, admin, services.gateways(), spread);
		ChaosFaults faults = new ChaosFaults(proxy, saas, services, rounds);
		Instant started = Instant.now();
		Thread injector = Thread.ofPlatform().name("chaos-faults").start(faults);
		load.run();
		System.out.printf("chaos: load sent in %d s%n", Duration.between(started, Instant.now()).toSeconds());
		injector.join();
		ChaosReport report = awaitEffects(plan, saas, admin, settle);
		print(plan, load, faults, report, saas, services, started);
		return new Outcome(plan.deliveries(), report.missing(), report.duplicated(), report.outOfOrder(),
				faults.failure());
	}

	/**
	 * Zendesk's tickets, callers and agents, GitHub's issues (open), before anything
	 * runs.
	 */
	private static void seed(ChaosPlan plan, ChaosSaas saas) {
		Instant opened = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		for (ChaosPlan.Issue issue : plan.issues) {
			saas.zendesk.ticket(issue.ticketId(), "400000", "solved");
			saas.github.issue(issue.number(), new ChaosGithub.IssueState("open", null, opened));
		}
		for (ChaosPlan.Caller caller : plan.callers) {
			saas.zendesk.endUser(caller.userId(), caller.phone());
			saas.zendesk.ticket(caller.ticketId(), caller.userId(), "open");
		}
		plan.agents.forEach(saas.zendesk::agent);
		for (ChaosPlan.RemoteNote note : plan.remoteNotes) {
			saas.zendesk.ticket(note.ticketId(), note.requesterId(), "open");
		}
	}

	/**
	 * Links (of the issues not linked by a note) and subscriptions through the gateway's
	 * admin API.
	 */
	private static void setUp(ChaosPlan plan, ChaosSaas saas, ChaosAdmin admin) throws Exception {
		Instant start = Instant.now();
		int links = 0;
		for (ChaosPlan.Issue issue : plan.issues) {
			if (!issue.linkedByNote()) {
				admin.post("/api/links",
						"{\"ticketId\":\"" + issue.ticketId() + "\",\"issueUrl\":\"" + issue.url() + "\"}");
				links++;
			}
		}
		for (int page = 0; page < plan.pages.size(); page++) {
			admin.post("/api/subscriptions",
					"{\"name\":\"Chaos customer " + page + "\",\"source\":{\"type\":\"statuspage\",\"pageId\":\""
							+ plan.pages.get(page) + "\",\"feedUrl\":\"" + saas.baseUrl() + "/feeds/"
							+ plan.pages.get(page) + ".atom\"},\"channel\":{\"type\":\"slack\",\"channelId\":\""
							+ plan.channel(page) + "\"}}");
		}
		System.out.printf("chaos: %d links and %d subscriptions made through the admin API in %d s%n", links,
				plan.pages.size(), Duration.between(start, Instant.now()).toSeconds());
	}

	/**
	 * Waits until every expected effect is there, or nothing changed for two minutes
	 * (past reconciliation and the end-note grace), or the settle time ran out.
	 */
	private static ChaosReport awaitEffects(ChaosPlan plan, ChaosSaas saas, ChaosAdmin admin, Duration settle)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(settle);
		ChaosReport report = new ChaosReport(plan, saas, admin, false);
		long lastOnce = -1;
		Instant lastChange = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			report = new ChaosReport(plan, saas, admin, false);
			long once = report.expected() - report.missing();
			if (once != lastOnce) {
				lastOnce = once;
				lastChange = Instant.now();
				System.out.printf("chaos: %d of %d effects applied, %d missing%n", once, report.expected(),
						report.missing());
			}
			if (report.missing() == 0 || Duration.between(lastChange, Instant.now()).toSeconds() >= 120) {
				// a little longer for late duplicates
				Thread.sleep(15_000);
				return new ChaosReport(plan, saas, admin, true);
			}
			Thread.sleep(5_000);
		}
		return new ChaosReport(plan, saas, admin, true);
	}

	private static void print(ChaosPlan plan, ChaosLoad load, ChaosFaults faults, ChaosReport report, ChaosSaas saas,
			ChaosServices services, Instant started) {
		System.out.println();
		System.out.println("Faults injected:");
		System.out.println();
		System.out.println("| fault | at (s) | lasted (s) | note |");
		System.out.println("|---|---:|---:|---|");
		for (ChaosFaults.Fault fault : faults.faults()) {
			System.out.printf("| %s | %d | %d | %s |%n", fault.name(),
					Duration.between(started, fault.start()).toSeconds(),
					Duration.between(fault.start(), fault.end()).toSeconds(), fault.note());
		}
		ChaosLoad.Counts counts = load.counts;
		System.out.println();
		System.out.printf("Deliveries: %d sent (+%d provider duplicates), %d attempts, %d accepted (%d answered 200 "
				+ "as already accepted), %d answers 5xx/429/refused, %d given up by Twilio/Zendesk/Statuspage after 8 "
				+ "attempts, %d GitHub deliveries failed and not retried (GitHub never retries)%n", counts.sent.get(),
				counts.duplicatesSent.get(), counts.attempts.get(), counts.accepted.get(),
				counts.answeredDuplicate.get(), counts.refusedOrFailed.get(), counts.givenUp.get(),
				counts.githubNotRetried.get());
		System.out.printf(
				"Fakes: Zendesk 409 conflicts %d, tickets created %d (expected 0); Slack parent edits %d, "
						+ "history lookups %d; GitHub writes %d%n",
				saas.zendesk.conflicts(), saas.zendesk.ticketsCreated(), saas.slack.edits(), saas.slack.lookups(),
				saas.github.writes());
		System.out.printf(
				"Zendesk notes: %d linking an issue, %d /remote; %d GitHub deliveries held until their note's link "
						+ "was there (longest %d s), %d sent without it after 3 min; TeamViewer sessions created %d, "
						+ "closed %d%n",
				plan.linkedByNote().size(), plan.remoteNotes.size(), counts.heldForLink.get(),
				counts.longestHoldMillis.get() / 1000, counts.sentWithoutLink.get(), saas.teamviewer.created(),
				saas.teamviewer.closed());
		report.print();
		Instant lastFault = faults.lastFaultEnded();
		System.out.printf("%nTime from the last fault's end to the last effect: %s%n",
				report.lastEffect.isAfter(lastFault)
						? Duration.between(lastFault, report.lastEffect).toMillis() / 1000.0 + " s" : "none after it");
		System.out.println("Service logs: " + services.logs());
		if (faults.failure() != null) {
			System.out.println("Fault injection failed: " + faults.failure());
		}
		System.out.printf("chaos: %d deliveries, %d lost, %d duplicated, %d out of order%n", plan.deliveries(),
				report.missing(), report.duplicated(), report.outOfOrder());
	}

}
