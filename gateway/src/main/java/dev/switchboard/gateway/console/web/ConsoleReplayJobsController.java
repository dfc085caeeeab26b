package dev.switchboard.gateway.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.replay.BulkReplay;
import dev.switchboard.gateway.replay.ReplayFilter;
import dev.switchboard.gateway.replay.ReplayJob;
import dev.switchboard.gateway.replay.ReplayJobState;
import dev.switchboard.gateway.replay.ReplayJobs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk replay in the console: a filter (the deliveries page's) with its estimate before
 * anything starts, Start, the job's progress (the page reloads itself while the job runs:
 * a meta refresh, no script), its result, and Cancel; the recent jobs of every instance.
 */
@Controller
class ConsoleReplayJobsController {

	private final BulkReplay bulkReplay;

	private final ReplayJobs jobs;

	private final Clock clock;

	ConsoleReplayJobsController(BulkReplay bulkReplay, ReplayJobs jobs, Clock clock) {
		this.bulkReplay = bulkReplay;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** A job as a page shows it. */
	public record Job(UUID id, String state, String filter, long estimated, long replayed, long failed, int percent,
			String createdBy, String createdAt, String finishedAt, @Nullable String cancelledBy,
			@Nullable String lastError, boolean running) {

		static Job of(ReplayJob job) {
			return new Job(job.id(), job.state().name().toLowerCase(Locale.ROOT), job.filter().describe(),
					job.estimated(), job.replayed(), job.failed(), job.percent(), job.createdBy(),
					BodyView.time(job.createdAt()), BodyView.time(job.finishedAt()), job.cancelledBy(), job.lastError(),
					job.state() == ReplayJobState.RUNNING);
		}

	}

	/** The filter as entered (the deliveries page's fields). */
	public record Filter(@Nullable String provider, @Nullable String event, @Nullable String outcome,
			@Nullable String from, @Nullable String to, @Nullable String q) {

		public boolean any() {
			return this.provider != null || this.event != null || this.outcome != null || this.from != null
					|| this.to != null || this.q != null;
		}

		ReplayFilter toReplayFilter(Instant now) {
			return ReplayFilter.of(this.provider, this.event, ReplayFilter.outcomeOf(this.outcome), utc(this.from),
					utc(this.to), this.q, now);
		}

		private static @Nullable Instant utc(@Nullable String localTime) {
			return (localTime != null) ? LocalDateTime.parse(localTime).toInstant(ZoneOffset.UTC) : null;
		}

	}

	@GetMapping("/console/replay-jobs")
	String list(Model model) {
		model.addAttribute("jobs", this.jobs.recent(50).stream().map(Job::of).toList());
		return "console/replay-jobs";
	}

	@GetMapping("/console/replay-jobs/new")
	String estimate(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String event,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q, HttpServletResponse response, Model model) {
		Filter filter = filter(provider, event, outcome, from, to, q);
		model.addAttribute("filter", filter);
		model.addAttribute("providers", ConsoleDeliveriesController.PROVIDERS);
		if (filter.any()) {
			try {
				ReplayFilter replayFilter = filter.toReplayFilter(this.clock.instant());
				model.addAttribute("matching", this.bulkReplay.estimate(replayFilter));
				model.addAttribute("described", replayFilter.describe());
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("problem", "The filter was not understood: " + ex.getMessage()
						+ ". Times are UTC, as 2026-05-01T14:30; the outcome is published or unconfirmed.");
			}
		}
		return "console/replay-job-new";
	}

	@PostMapping("/console/replay-jobs")
	String start(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String event,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Filter filter = filter(provider, event, outcome, from, to, q);
		ReplayFilter replayFilter;
		try {
			if (!filter.any()) {
				throw new IllegalArgumentException(
						"a bulk replay needs a filter (at least a time range or an outcome)");
			}
			replayFilter = filter.toReplayFilter(this.clock.instant());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("title", "Not started");
			model.addAttribute("detail",
					"The filter was not understood: " + ex.getMessage() + ". Go back and correct it.");
			return "console/problem";
		}
		String actor = "console key '" + ConsoleModel.sessionOf(request).keyName() + "'";
		return switch (this.bulkReplay.start(replayFilter, actor)) {
			case BulkReplay.Start.Started started -> {
				request.setAttribute(Audit.TARGET_ATTRIBUTE, started.job().id());
				yield ConsolePaths.seeOther(request, "/console/replay-jobs/" + started.job().id() + "?notice=started");
			}
			case BulkReplay.Start.AlreadyRunning running -> {
				request.setAttribute(Audit.TARGET_ATTRIBUTE, running.job().id());
				yield ConsolePaths.seeOther(request, "/console/replay-jobs/" + running.job().id() + "?notice=running");
			}
		};
	}

	@GetMapping("/console/replay-jobs/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		Optional<ReplayJob> job = ConsoleText.uuid(id).flatMap(this.jobs::find);
		if (job.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("job", Job.of(job.get()));
		model.addAttribute("notice", switch (String.valueOf(notice)) {
			case "started" -> "Started: the deliveries are published again, oldest first.";
			case "running" -> "A job for this filter was running already: this one. Cancel it to start another.";
			case "cancelled" -> "Cancelled: what was replayed stays replayed.";
			default -> null;
		});
		return "console/replay-job";
	}

	@PostMapping("/console/replay-jobs/{id}/cancel")
	String cancel(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		String actor = "console key '" + ConsoleModel.sessionOf(request).keyName() + "'";
		if (uuid.isEmpty() || this.bulkReplay.cancel(uuid.get(), actor).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		return ConsolePaths.seeOther(request, "/console/replay-jobs/" + uuid.get() + "?notice=cancelled");
	}

	private static Filter filter(@Nullable String provider, @Nullable String event, @Nullable String outcome,
			@Nullable String from, @Nullable String to, @Nullable String q) {
		return new Filter(ConsoleText.blankToNull(provider), ConsoleText.blankToNull(event),
				ConsoleText.blankToNull(outcome), ConsoleText.blankToNull(from), ConsoleText.blankToNull(to),
				ConsoleText.blankToNull(q));
	}

}
