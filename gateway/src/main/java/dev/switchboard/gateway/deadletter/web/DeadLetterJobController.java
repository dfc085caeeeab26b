package dev.switchboard.gateway.deadletter.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.deadletter.DeadLetterJob;
import dev.switchboard.gateway.deadletter.DeadLetterReplayJobs;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Replay all" of a dead-letter queue as a job: {@code POST
 * /api/dead-letters/{queue}/replay-jobs} starts one (201; 409 with the running job when
 * one runs for the queue; 404 for an unknown queue), {@code GET /api/dead-letter-jobs}
 * lists the recent ones, {@code GET /api/dead-letter-jobs/{id}} reads one and {@code POST
 * /api/dead-letter-jobs/{id}/cancel} cancels it.
 */
@RestController
class DeadLetterJobController {

	private final DeadLetterReplayJobs jobs;

	DeadLetterJobController(DeadLetterReplayJobs jobs) {
		this.jobs = jobs;
	}

	/** A job as the API shows it. */
	record JobView(UUID id, String queue, String state, long estimated, long moved, long failedAgain, int percent,
			String createdBy, Instant createdAt, @Nullable Instant finishedAt, @Nullable String cancelledBy,
			@Nullable String lastError) {

		static JobView of(DeadLetterJob job) {
			return new JobView(job.id(), job.queue(), job.state().name().toLowerCase(Locale.ROOT), job.estimated(),
					job.moved(), job.failedAgain(), job.percent(), job.createdBy(), job.createdAt(), job.finishedAt(),
					job.cancelledBy(), job.lastError());
		}

	}

	@PostMapping("/api/dead-letters/{queue}/replay-jobs")
	ResponseEntity<?> start(@PathVariable String queue, HttpServletRequest request) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, queue + " (all)");
		return switch (this.jobs.start(queue, actor(request))) {
			case DeadLetterReplayJobs.Start.Started started ->
				ResponseEntity.created(URI.create("/api/dead-letter-jobs/" + started.job().id()))
					.body(JobView.of(started.job()));
			case DeadLetterReplayJobs.Start.AlreadyRunning running -> {
				ProblemDetail problem = DeadLetterProblems.problem(HttpStatus.CONFLICT, "already-running",
						"A job runs for this queue", "Dead-letter job " + running.job().id() + " replays " + queue
								+ " already; cancel it or wait for it.");
				problem.setProperty("job", JobView.of(running.job()));
				yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
			}
		};
	}

	@GetMapping("/api/dead-letter-jobs")
	List<JobView> recent() {
		return this.jobs.recent(50).stream().map(JobView::of).toList();
	}

	@GetMapping("/api/dead-letter-jobs/{id}")
	ResponseEntity<?> one(@PathVariable UUID id) {
		return this.jobs.find(id)
			.<ResponseEntity<?>>map((job) -> ResponseEntity.ok(JobView.of(job)))
			.orElseGet(() -> notFound(id));
	}

	@PostMapping("/api/dead-letter-jobs/{id}/cancel")
	ResponseEntity<?> cancel(@PathVariable UUID id, HttpServletRequest request) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, id);
		return this.jobs.cancel(id, actor(request))
			.<ResponseEntity<?>>map((job) -> ResponseEntity.ok(JobView.of(job)))
			.orElseGet(() -> notFound(id));
	}

	private static ResponseEntity<ProblemDetail> notFound(UUID id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(DeadLetterProblems.problem(HttpStatus.NOT_FOUND, "job-not-found", "Unknown dead-letter job",
					"No dead-letter job " + id + "."));
	}

	private static String actor(HttpServletRequest request) {
		return "key '" + request.getAttribute("switchboard.apiKeyName") + "'";
	}

}
