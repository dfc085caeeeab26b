package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.switchboard.signatures.GithubSignature;
import dev.switchboard.signatures.TwilioSignature;
import dev.switchboard.signatures.ZendeskSignature;
import org.jspecify.annotations.Nullable;

/**
 * Sends the plan's deliveries to the gateway, signed as each provider signs them, spread
 * over the run, some twice (a provider's duplicate, same delivery id) and some out of
 * order, each attempt to the next gateway instance. Retries as the providers do: GitHub
 * never; Twilio, Zendesk and Statuspage after a 5xx, a 429, a timeout or a refused
 * connection, with a short back-off (1, 2, 4 … 32 s, eight attempts). An issue linked by
 * a Zendesk note has its note sent early (at 30 % of its close's time) and its GitHub
 * deliveries held until the admin API shows the link, their spacing kept.
 */
final class ChaosLoad {

	/** What the gateway was sent and answered. */
	static final class Counts {

		final AtomicLong sent = new AtomicLong();

		final AtomicLong duplicatesSent = new AtomicLong();

		final AtomicLong attempts = new AtomicLong();

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong answeredDuplicate = new AtomicLong();

		final AtomicLong refusedOrFailed = new AtomicLong();

		final AtomicLong givenUp = new AtomicLong();

		final AtomicLong githubNotRetried = new AtomicLong();

		/** GitHub deliveries held past their time until their note's link was there. */
		final AtomicLong heldForLink = new AtomicLong();

		final AtomicLong longestHoldMillis = new AtomicLong();

		/** GitHub deliveries sent without their note's link after three minutes. */
		final AtomicLong sentWithoutLink = new AtomicLong();

	}

	/**
	 * One delivery at its time: {@code before} is what happened at the provider before it
	 * sent it (run in order, just before; for a held delivery once it is released).
	 */
	private record Send(long atMillis, String provider, boolean retried, Request request, Runnable before,
			@Nullable LinkGate gate) {

		Send(long atMillis, String provider, boolean retried, Request request, Runnable before) {
			this(atMillis, provider, retried, request, before, null);
		}

	}

	/**
	 * Holds an issue's GitHub deliveries until the link its Zendesk note asked for is
	 * there (a close before the link would find no ticket to tell): the first one asks
	 * the admin API every two seconds, at most three minutes; each is then sent as far
	 * after the link (or the end of the wait) as it was planned after the issue's first
	 * delivery.
	 */
	private final class LinkGate {

		private final ChaosPlan.Issue issue;

		private long firstAt = Long.MAX_VALUE;

		private @Nullable Long releasedAt;

		private boolean linked;

		LinkGate(ChaosPlan.Issue issue) {
			this.issue = issue;
		}

		/**
		 * When the link was seen, or the wait for it ended (ms after the load began).
		 */
		synchronized long releasedAt(long began) throws InterruptedException {
			if (this.releasedAt == null) {
				long deadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
				while (!this.linked && System.currentTimeMillis() < deadline) {
					this.linked = ChaosLoad.this.admin.links(this.issue.ticketId(), this.issue.url(), true) >= 1;
					if (!this.linked) {
						Thread.sleep(2000);
					}
				}
				this.releasedAt = System.currentTimeMillis() - began;
			}
			return this.releasedAt;
		}

		synchronized boolean linked() {
			return this.linked;
		}

	}

	@FunctionalInterface
	private interface Request {

		HttpRequest build() throws GeneralSecurityException;

	}

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ChaosPlan plan;

	private final ChaosSecrets secrets;

	private final ChaosSaas saas;

	private final ChaosAdmin admin;

	/** The public URL the providers sign (the first instance's, as a load balancer's). */
	private final String gateway;

	private final List<String> instances;

	private final AtomicLong nextInstance = new AtomicLong();

	private final Instant start;

	private final Random random;

	final Counts counts = new Counts();

	private final List<Send> sends = new ArrayList<>();

	ChaosLoad(ChaosPlan plan, ChaosSecrets secrets, ChaosSaas saas, ChaosAdmin admin, List<String> gateways,
			Duration spread) {
		this.plan = plan;
		this.secrets = secrets;
		this.saas = saas;
		this.admin = admin;
		this.gateway = gateways.get(0);
		this.instances = List.copyOf(gateways);
		this.start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.random = new Random(plan.tag.hashCode());
		long window = spread.toMillis();
		plan.issues.forEach((issue) -> github(issue, at(window)));
		plan.calls.forEach((call) -> twilio(call, at(window)));
		plan.incidents.forEach((incident) -> statuspage(incident, at(window)));
		// /remote notes in the first 60 % of the run: their sessions end a minute later
		plan.remoteNotes.forEach((note) -> remote(note, (long) (at(window) * 0.6)));
		// a tenth sent twice, as a provider's own retry after a lost answer: same id,
		// same bytes, up to half a minute later (GitHub's only when redelivered by hand:
		// not here); every other /remote note too, so a redelivered one is always seen
		List<Send> again = new ArrayList<>();
		int remotes = 0;
		for (Send send : this.sends) {
			if (send.provider().equals("github")) {
				continue;
			}
			boolean redelivered = send.provider().equals("zendesk-remote") && remotes++ % 2 == 0;
			if (this.random.nextInt(10) == 0 || redelivered) {
				again.add(new Send(send.atMillis() + 1000 + this.random.nextInt(30_000), send.provider() + "-again",
						send.retried(), send.request(), () -> {
						}));
			}
		}
		this.sends.addAll(again);
		this.sends.sort(Comparator.comparingLong(Send::atMillis));
	}

	private long at(long window) {
		return (long) (this.random.nextDouble() * window * 0.9);
	}

	/** Runs every send at its time; returns when all have their final answer. */
	void run() throws InterruptedException {
		long began = System.currentTimeMillis();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Send send : this.sends) {
				long wait = began + send.atMillis() - System.currentTimeMillis();
				if (wait > 0) {
					Thread.sleep(wait);
				}
				if (send.gate() == null) {
					send.before().run();
					senders.submit(() -> deliver(send));
				}
				else {
					senders.submit(() -> {
						hold(send, began);
						send.before().run();
						deliver(send);
						return null;
					});
				}
			}
		}
	}

	private void hold(Send send, long began) throws InterruptedException {
		LinkGate gate = send.gate();
		long released = gate.releasedAt(began);
		if (!gate.linked()) {
			this.counts.sentWithoutLink.incrementAndGet();
		}
		long due = released + (send.atMillis() - gate.firstAt);
		long wait = began + due - System.currentTimeMillis();
		if (due > send.atMillis() + 1000) {
			this.counts.heldForLink.incrementAndGet();
			this.counts.longestHoldMillis.accumulateAndGet(due - send.atMillis(), Math::max);
		}
		if (wait > 0) {
			Thread.sleep(wait);
		}
	}

	private void deliver(Send send) {
		boolean duplicate = send.provider().endsWith("-again");
		(duplicate ? this.counts.duplicatesSent : this.counts.sent).incrementAndGet();
		long backOff = 1000;
		for (int attempt = 1; attempt <= 8; attempt++) {
			this.counts.attempts.incrementAndGet();
			int status;
			try {
				HttpResponse<String> answer = HTTP.send(balanced(send.request().build()),
						HttpResponse.BodyHandlers.ofString());
				status = answer.statusCode();
				if (status == 200) {
					this.counts.answeredDuplicate.incrementAndGet();
				}
			}
			catch (IOException | GeneralSecurityException ex) {
				status = -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (status >= 200 && status < 300) {
				this.counts.accepted.incrementAndGet();
				return;
			}
			this.counts.refusedOrFailed.incrementAndGet();
			if (!send.retried()) {
				this.counts.githubNotRetried.incrementAndGet();
				try {
					send.request()
						.build()
						.headers()
						.firstValue("X-GitHub-Delivery")
						.ifPresent(this.saas.github::undelivered);
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException(ex);
				}
				return;
			}
			try {
				Thread.sleep(backOff);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			backOff = Math.min(backOff * 2, 32_000);
		}
		this.counts.givenUp.incrementAndGet();
	}

	/**
	 * As a load balancer in front of the gateway instances: each attempt to the next one
	 * (so a retry after a refused connection reaches the other), the public URL kept for
	 * the signatures.
	 */
	private HttpRequest balanced(HttpRequest request) {
		String target = this.instances.get((int) (this.nextInstance.getAndIncrement() % this.instances.size()));
		if (target.equals(this.gateway)) {
			return request;
		}
		URI uri = URI.create(target + request.uri().toString().substring(this.gateway.length()));
		return HttpRequest.newBuilder(request, (name, value) -> true).uri(uri).build();
	}

	private void github(ChaosPlan.Issue issue, long at) {
		Instant closedAt = this.start.plusMillis(at).truncatedTo(ChronoUnit.SECONDS);
		ChaosGithub.IssueState closed = new ChaosGithub.IssueState("closed", "completed", closedAt);
		LinkGate gate = null;
		if (issue.linkedByNote()) {
			// as an agent pastes it into an internal note
			this.sends.add(zendeskSend((long) (at * 0.3), "zendesk-link", "link:" + issue.number(), issue.ticketId(),
					this.plan.agents.get(issue.number() % this.plan.agents.size()),
					"Same failure as in " + issue.url() + " - linking it here."));
			gate = new LinkGate(issue);
			gate.firstAt = at;
		}
		long closedSend = at;
		if (issue.reopened()) {
			ChaosGithub.IssueState reopened = new ChaosGithub.IssueState("open", "reopened", closedAt.plusSeconds(60));
			long reopenedSend = at + 2000 + this.random.nextInt(3000);
			if (issue.reordered()) {
				closedSend = reopenedSend;
				reopenedSend = at;
			}
			this.sends.add(githubSend(issue, "reopened", reopened, reopenedSend, gate));
		}
		this.sends.add(githubSend(issue, "closed", closed, closedSend, gate));
	}

	private Send githubSend(ChaosPlan.Issue issue, String action, ChaosGithub.IssueState state, long at,
			@Nullable LinkGate gate) {
		byte[] body = ("{\"action\":\"" + action + "\",\"issue\":" + ChaosGithub.json(issue.number(), state)
				+ ",\"repository\":{\"id\":186853002,\"name\":\"widgets\",\"full_name\":\"" + ChaosGithub.REPOSITORY
				+ "\",\"html_url\":\"https://github.com/" + ChaosGithub.REPOSITORY + "\"},"
				+ "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}")
			.getBytes(StandardCharsets.UTF_8);
		String deliveryId = uuid("github:" + issue.number() + ":" + action).toString();
		// by the time GitHub sends a change, the API shows it (or a later one)
		Runnable happened = () -> this.saas.github.advance(issue.number(), state);
		return new Send(at, "github", false,
				() -> HttpRequest.newBuilder(URI.create(this.gateway + "/webhooks/github"))
					.timeout(Duration.ofSeconds(10))
					.header("X-GitHub-Event", "issues")
					.header("X-GitHub-Delivery", deliveryId)
					.header(GithubSignature.HEADER, GithubSignature.sign(this.secrets.github(), body))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(),
				happened, gate);
	}

	private void remote(ChaosPlan.RemoteNote note, long at) {
		this.sends
			.add(zendeskSend(at, "zendesk-remote", "remote:" + note.index(), note.ticketId(), note.agent(), "/remote"));
	}

	/**
	 * An agent's internal note and Zendesk's {@code ticket.comment_added} webhook about
	 * it: the note is written into the fake just before the first send (so the event
	 * carries the ticket's {@code updated_at} after it); every attempt is signed anew
	 * with the time of sending (timestamp + raw body), the body stays the same bytes.
	 */
	private Send zendeskSend(long at, String provider, String name, String ticketId, ChaosPlan.Agent agent,
			String text) {
		String eventId = uuid("zendesk:" + name).toString();
		AtomicReference<byte[]> body = new AtomicReference<>();
		Runnable written = () -> body.set(ChaosZendeskEvent.commentAdded(eventId,
				this.saas.zendesk.agentNote(ticketId, agent, text), agent, text));
		String url = this.gateway + "/webhooks/zendesk";
		return new Send(at, provider, true, () -> {
			byte[] bytes = body.get();
			Instant timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			return HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(10))
				.header("X-Zendesk-Webhook-Id", "01HCHAOSWEBHOOK0000000000")
				.header(ZendeskSignature.HEADER,
						ZendeskSignature.sign(this.secrets.zendesk(), timestamp.toString(), bytes))
				.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp.toString())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
				.build();
		}, written);
	}

	private void twilio(ChaosPlan.Call call, long at) {
		String[] statuses = { "ringing", "in-progress", "completed" };
		List<Long> times = new ArrayList<>(
				List.of(at, at + 800 + this.random.nextInt(1500), at + 3000 + this.random.nextInt(3000)));
		if (call.reordered()) {
			java.util.Collections.reverse(times);
		}
		Instant started = this.start.plusMillis(at).truncatedTo(ChronoUnit.SECONDS);
		for (int sequence = 0; sequence < statuses.length; sequence++) {
			StringBuilder form = new StringBuilder("AccountSid=").append(ChaosSecrets.TWILIO_ACCOUNT)
				.append("&ApiVersion=2010-04-01&CallSid=")
				.append(call.sid())
				.append("&CallStatus=")
				.append(statuses[sequence])
				.append("&Called=%2B14155550100&Caller=")
				.append(URLEncoder.encode(call.caller().phone(), StandardCharsets.UTF_8))
				.append("&Direction=inbound&From=")
				.append(URLEncoder.encode(call.caller().phone(), StandardCharsets.UTF_8))
				.append("&SequenceNumber=")
				.append(sequence)
				.append("&Timestamp=")
				.append(URLEncoder.encode(RFC_1123.format(started.plusSeconds(sequence * 20L)), StandardCharsets.UTF_8))
				.append("&To=%2B14155550100");
			if (sequence == 2) {
				form.append("&CallDuration=42");
			}
			String token = uuid("twilio:" + call.sid() + ":" + sequence).toString();
			String url = this.gateway + "/webhooks/twilio";
			String body = form.toString();
			this.sends.add(new Send(times.get(sequence), "twilio", true,
					() -> HttpRequest.newBuilder(URI.create(url))
						.timeout(Duration.ofSeconds(15))
						.header("X-Twilio-Signature", twilioSignature(url, body))
						.header("I-Twilio-Idempotency-Token", token)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					() -> {
					}));
		}
	}

	private void statuspage(ChaosPlan.Incident incident, long at) {
		Instant opened = this.start.plusMillis(at).minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
		for (int update = 1; update <= ChaosPlan.STATUSES.length; update++) {
			long sendAt = at + (update - 1) * 2500L;
			if (incident.reordered() && (update == 2 || update == 3)) {
				sendAt = at + ((update == 2) ? 3 : 2) * 2500L - 1200;
			}
			String body = ChaosStatuspage.webhook(incident, opened, update);
			String url = this.gateway + "/webhooks/statuspage/" + this.secrets.statuspageToken();
			this.sends.add(new Send(sendAt, "statuspage", true,
					() -> HttpRequest.newBuilder(URI.create(url))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					() -> {
					}));
		}
	}

	private String twilioSignature(String url, String form) {
		TreeMap<String, String> sorted = new TreeMap<>();
		for (String pair : form.split("&")) {
			String[] nameValue = pair.split("=", 2);
			sorted.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		return TwilioSignature.sign(this.secrets.twilio(), url, List.copyOf(sorted.entrySet()));
	}

	private UUID uuid(String name) {
		return UUID.nameUUIDFromBytes((this.plan.tag + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

}
