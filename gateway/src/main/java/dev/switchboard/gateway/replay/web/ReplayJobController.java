package dev.switchboard.gateway.replay.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.replay.BulkReplay;
import dev.switchboard.gateway.replay.ReplayFilter;
import dev.switchboard.gateway.replay.ReplayJob;
import dev.switchboard.gateway.replay.ReplayJobs;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/replay-jobs}: estimate a filter ({@code GET /estimate?…}), start a job
 * ({@code POST}, 201; 409 with the running job when one runs for the filter), list the
 * recent ones, read one, cancel one ({@code POST /{id}/cancel}).
 */
@RestController
@RequestMapping("/api/replay-jobs")
class ReplayJobController {

	private final BulkReplay bulkReplay;

	private final ReplayJobs jobs;

	private final Clock clock;

	ReplayJobController(BulkReplay bulkReplay, ReplayJobs jobs, Clock clock) {
		this.bulkReplay = bulkReplay;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * The filter of {@code POST}: the delivery log's ({@code outcome} published or
	 * unconfirmed; {@code to} defaults to now).
	 */
	record FilterBody(@Nullable String provider, @Nullable String event, @Nullable String outcome,
			@Nullable Instant from, @Nullable Instant to, @Nullable String containing) {

		ReplayFilter toFilter(Instant now) {
			return ReplayFilter.of(this.provider, this.event, ReplayFilter.outcomeOf(this.outcome), this.from, this.to,
					this.containing, now);
		}

	}

	/** A job as the API shows it. */
	record JobView(UUID id, String state, String filter, Map<String, @Nullable Object> criteria, long estimated,
			long replayed, long failed, int percent, String createdBy, Instant createdAt, @Nullable Instant finishedAt,
			@Nullable String cancelledBy, @Nullable String lastError) {

		static JobView of(ReplayJob job) {
			ReplayFilter filter = job.filter();
			Map<String, @Nullable Object> criteria = new java.util.LinkedHashMap<>();
			criteria.put("provider", filter.provider());
			criteria.put("event", filter.eventType());
			criteria.put("outcome",
					(filter.outcome() != null) ? filter.outcome().name().toLowerCase(Locale.ROOT) : null);
			criteria.put("from", filter.from());
			criteria.put("to", filter.to());
			criteria.put("containing", filter.containing());
			return new JobView(job.id(), job.state().name().toLowerCase(Locale.ROOT), filter.describe(), criteria,
					job.estimated(), job.replayed(), job.failed(), job.percent(), job.createdBy(), job.createdAt(),
					job.finishedAt(), job.cancelledBy(), job.lastError());
		}

	}

	@GetMapping("/estimate")
	Map<String, Object> estimate(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String event,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String containing) {
		ReplayFilter filter = new FilterBody(provider, event, outcome, from, to, containing)
			.toFilter(this.clock.instant());
		return Map.of("matching", this.bulkReplay.estimate(filter), "filter", filter.describe());
	}

	@PostMapping
	ResponseEntity<?> start(@RequestBody FilterBody body, HttpServletRequest request) {
		ReplayFilter filter = body.toFilter(this.clock.instant());
		return switch (this.bulkReplay.start(filter, actor(request))) {
			case BulkReplay.Start.Started started -> {
				request.setAttribute(Audit.TARGET_ATTRIBUTE, started.job().id());
				yield ResponseEntity.created(URI.create("/api/replay-jobs/" + started.job().id()))
					.body(JobView.of(started.job()));
			}
			case BulkReplay.Start.AlreadyRunning running -> {
				request.setAttribute(Audit.TARGET_ATTRIBUTE, running.job().id());
				ProblemDetail problem = problem(HttpStatus.CONFLICT, "already-running", "A job runs for this filter",
						"Replay job " + running.job().id() + " runs for this filter; cancel it or wait for it.");
				problem.setProperty("job", JobView.of(running.job()));
				yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
			}
		};
	}

	@GetMapping
	List<JobView> recent() {
		return this.jobs.recent(50).stream().map(JobView::of).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<?> one(@PathVariable UUID id) {
		return this.jobs.find(id)
			.<ResponseEntity<?>>map((job) -> ResponseEntity.ok(JobView.of(job)))
			.orElseGet(() -> notFound(id));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<?> cancel(@PathVariable UUID id, HttpServletRequest request) {
		return this.bulkReplay.cancel(id, actor(request))
			.<ResponseEntity<?>>map((job) -> ResponseEntity.ok(JobView.of(job)))
			.orElseGet(() -> notFound(id));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badFilter(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "bad-filter", "Invalid filter", ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> notFound(UUID id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "not-found", "Unknown replay job", "No replay job " + id + "."));
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:replay-jobs:" + kind));
		problem.setTitle(title);
		return problem;
	}

	private static String actor(HttpServletRequest request) {
		return "key '" + request.getAttribute("switchboard.apiKeyName") + "'";
	}

}
