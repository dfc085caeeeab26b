package dev.switchboard.gateway.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import dev.switchboard.gateway.health.HealthReport;
import dev.switchboard.gateway.health.Readiness;
import dev.switchboard.gateway.health.SystemHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console/health}: whether the gateway and each service is ready (and what to
 * check when one is not), the dead letters per queue, and this instance's counters.
 */
@Controller
class ConsoleHealthController {

	private final SystemHealth health;

	ConsoleHealthController(SystemHealth health) {
		this.health = health;
	}

	/** A process as the page shows it. */
	record Process(String name, String state, String badge, String components, String advice) {

		static Process of(Readiness readiness) {
			String state = switch (readiness.state()) {
				case READY -> "ready";
				case NOT_READY -> "not ready";
				case UNREACHABLE -> "unreachable";
			};
			StringBuilder components = new StringBuilder();
			readiness.components()
				.forEach((name, status) -> components.append((components.length() > 0) ? ", " : "")
					.append(name)
					.append(' ')
					.append(status));
			return new Process(readiness.name(), state, state.replace(' ', '-'), components.toString(),
					readiness.advice());
		}

	}

	@GetMapping("/console/health")
	String health(Model model) {
		HealthReport report = this.health.report();
		model.addAttribute("at", BodyView.time(report.at()));
		List<Process> processes = new ArrayList<>();
		processes.add(Process.of(report.gateway()));
		report.services().stream().map(Process::of).forEach(processes::add);
		model.addAttribute("processes", processes);
		model.addAttribute("queues", queues(report.deadLetters()));
		model.addAttribute("deadLettersProblem", report.deadLettersProblem());
		model.addAttribute("deadLetterTotal", report.deadLetterTotal());
		model.addAttribute("counters", report.counters());
		model.addAttribute("budgetLeft", megabytes(report.counters().bodyBudgetLeft()));
		model.addAttribute("downstream", report.counters().downstreamUnavailable().entrySet().stream().toList());
		return "console/health";
	}

	private static @Nullable List<Map.Entry<String, Long>> queues(@Nullable List<DeadLetterQueue> queues) {
		return (queues != null) ? queues.stream().map((queue) -> Map.entry(queue.name(), queue.depth())).toList()
				: null;
	}

	private static String megabytes(@Nullable Long bytes) {
		return (bytes != null) ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0))
				: "not measured yet (no webhook since start)";
	}

}
