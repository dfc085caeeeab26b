package dev.switchboard.gateway.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.console.SecretHeaders;
import dev.switchboard.gateway.deadletter.DeadLetter;
import dev.switchboard.gateway.deadletter.DeadLetterJob;
import dev.switchboard.gateway.deadletter.DeadLetterMessage;
import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import dev.switchboard.gateway.deadletter.DeadLetterQueueNotFoundException;
import dev.switchboard.gateway.deadletter.DeadLetterReplayJobs;
import dev.switchboard.gateway.deadletter.DeadLetters;
import dev.switchboard.gateway.deadletter.ReplayReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dead letters in the console: every service's dead-letter queues with their depth and
 * first messages (reason, age), one message with its body, replay one (the admin API's
 * loss-free replay) and discard one after a confirmation page; "replay all" of a queue as
 * a job, with the queue's depth before it starts, progress while it runs and a Cancel
 * button.
 */
@Controller
class ConsoleDeadLettersController {

	private final DeadLetters deadLetters;

	private final BodyView bodies;

	private final DeadLetterReplayJobs jobs;

	private final Clock clock;

	ConsoleDeadLettersController(DeadLetters deadLetters, BodyView bodies, DeadLetterReplayJobs jobs, Clock clock) {
		this.deadLetters = deadLetters;
		this.bodies = bodies;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** A message as listed. */
	record Letter(@Nullable String messageId, String reason, String age, String deadLetteredAt,
			@Nullable String routingKey, int sizeBytes) {

		static Letter of(DeadLetter letter, Instant now) {
			return new Letter(letter.messageId(), (letter.exception() != null) ? letter.exception() : "no reason given",
					BodyView.age(letter.deadLetteredAt(), now), BodyView.time(letter.deadLetteredAt()),
					letter.originalRoutingKey(), letter.sizeBytes());
		}

	}

	/** A queue as listed. */
	record Queue(String name, String originalQueue, long depth, List<Letter> letters) {

		static Queue of(DeadLetterQueue queue, Instant now) {
			return new Queue(queue.name(), queue.originalQueue(), queue.depth(),
					queue.messages().stream().map((letter) -> Letter.of(letter, now)).toList());
		}

	}

	@GetMapping("/console/dead-letters")
	String list(@RequestParam(required = false) @Nullable String notice,
			@RequestParam(required = false) @Nullable Integer moved, Model model) {
		Instant now = this.clock.instant();
		List<Queue> queues = this.deadLetters.list().stream().map((queue) -> Queue.of(queue, now)).toList();
		model.addAttribute("queues", queues);
		model.addAttribute("total", queues.stream().mapToLong(Queue::depth).sum());
		model.addAttribute("jobs", this.jobs.recent(5));
		model.addAttribute("notice", switch (String.valueOf(notice)) {
			case "discarded" -> "The message was discarded.";
			case "replayed" -> (moved != null && moved > 0) ? "The message was moved back to its queue."
					: "The message was no longer there: nothing was moved.";
			default -> null;
		});
		return "console/dead-letters";
	}

	@GetMapping("/console/dead-letters/{queue}")
	String one(@PathVariable String queue, @RequestParam String message, HttpServletResponse response, Model model) {
		return show(queue, message, response, model, "console/dead-letter");
	}

	@GetMapping("/console/dead-letters/{queue}/discard")
	String confirmDiscard(@PathVariable String queue, @RequestParam String message, HttpServletResponse response,
			Model model) {
		return show(queue, message, response, model, "console/discard");
	}

	private String show(String queue, String message, HttpServletResponse response, Model model, String view) {
		DeadLetterMessage found = this.deadLetters.message(queue, message).orElse(null);
		if (found == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("queue", queue);
		model.addAttribute("messageId", message);
		model.addAttribute("letter", Letter.of(found.letter(), this.clock.instant()));
		model.addAttribute("originalQueue", found.letter().originalQueue());
		model.addAttribute("headers", SecretHeaders.masked(found.letter().headers()));
		model.addAttribute("body", this.bodies.pretty(found.body(), null));
		return view;
	}

	@PostMapping("/console/dead-letters/{queue}/discard")
	String discard(@PathVariable String queue, @RequestParam String message, HttpServletRequest request,
			HttpServletResponse response) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, queue + " " + message);
		if (!this.deadLetters.discard(queue, message, actor(request))) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		return ConsolePaths.seeOther(request, "/console/dead-letters?notice=discarded");
	}

	@PostMapping("/console/dead-letters/{queue}/replay")
	String replay(@PathVariable String queue, @RequestParam String message, HttpServletRequest request) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, queue + " " + message);
		ReplayReport report = this.deadLetters.replay(queue, Set.of(message), actor(request));
		return ConsolePaths.seeOther(request, "/console/dead-letters?notice=replayed&moved=" + report.moved());
	}

	@GetMapping("/console/dead-letters/{queue}/replay-all")
	String confirmReplayAll(@PathVariable String queue, Model model) {
		DeadLetterQueue found = this.deadLetters.find(queue)
			.orElseThrow(() -> new DeadLetterQueueNotFoundException(queue));
		model.addAttribute("queue", found.name());
		model.addAttribute("depth", found.depth());
		model.addAttribute("originalQueue", found.originalQueue());
		return "console/dead-letter-replay-all";
	}

	@PostMapping("/console/dead-letters/{queue}/replay-jobs")
	String replayAll(@PathVariable String queue, HttpServletRequest request) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, queue + " (all)");
		DeadLetterReplayJobs.Start start = this.jobs.start(queue, actor(request));
		String notice = (start instanceof DeadLetterReplayJobs.Start.AlreadyRunning) ? "?notice=already-running" : "";
		return ConsolePaths.seeOther(request, "/console/dead-letter-jobs/" + start.job().id() + notice);
	}

	@GetMapping("/console/dead-letter-jobs/{id}")
	String job(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		DeadLetterJob job = ConsoleText.uuid(id).flatMap(this.jobs::find).orElse(null);
		if (job == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("job", job);
		model.addAttribute("state", job.state().name().toLowerCase(Locale.ROOT));
		model.addAttribute("notice", switch (String.valueOf(notice)) {
			case "already-running" -> "A job replays this queue already: this one. Cancel it or wait for it.";
			case "cancelled" -> "Cancelled. What was moved stays moved; the rest is still in the dead-letter queue.";
			default -> null;
		});
		return "console/dead-letter-job";
	}

	@PostMapping("/console/dead-letter-jobs/{id}/cancel")
	String cancelJob(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		request.setAttribute(Audit.TARGET_ATTRIBUTE, id);
		UUID jobId = ConsoleText.uuid(id).orElse(null);
		if (jobId == null || this.jobs.cancel(jobId, actor(request)).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		return ConsolePaths.seeOther(request, "/console/dead-letter-jobs/" + jobId + "?notice=cancelled");
	}

	@ExceptionHandler(DeadLetterQueueNotFoundException.class)
	String unknownQueue(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "console/not-found";
	}

	@ExceptionHandler(IllegalStateException.class)
	String unavailable(IllegalStateException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		model.addAttribute("title", "Dead letters not reachable");
		model.addAttribute("detail", ex.getMessage() + ". Check that RabbitMQ and its management plugin are up,"
				+ " then reload this page. Nothing was moved or removed.");
		return "console/problem";
	}

	private static String actor(HttpServletRequest request) {
		return "console key '" + ConsoleModel.sessionOf(request).keyName() + "'";
	}

}
