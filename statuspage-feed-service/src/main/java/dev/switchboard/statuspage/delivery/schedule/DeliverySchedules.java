package dev.switchboard.statuspage.delivery.schedule;

import java.util.List;

import dev.switchboard.statuspage.delivery.DeliveryWorker;
import dev.switchboard.statuspage.delivery.ParentEditor;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The ticks that send due deliveries and Slack parent edits; rows decide who works
 * ({@code FOR UPDATE SKIP LOCKED}), so every instance may tick.
 */
@Component
class DeliverySchedules {

	private static final Logger log = LoggerFactory.getLogger(DeliverySchedules.class);

	private final DeliveryWorker worker;

	private final ParentEditor editor;

	private final MeterRegistry meters;

	DeliverySchedules(DeliveryWorker worker, ParentEditor editor, MeterRegistry meters) {
		this.worker = worker;
		this.editor = editor;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.delivery.tick:1s}",
			initialDelayString = "${statuspage-feed.delivery.tick:1s}")
	void deliverDue() {
		try {
			List<String> outcomes = this.worker.deliverDue();
			outcomes
				.forEach((outcome) -> this.meters.counter("switchboard.deliveries", "outcome", outcome).increment());
		}
		catch (RuntimeException ex) {
			log.warn("Delivering due updates failed: {}", ex.toString());
		}
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.slack.edit-tick:200ms}",
			initialDelayString = "${statuspage-feed.delivery.tick:1s}")
	void editParents() {
		try {
			this.editor.editOne()
				.ifPresent((outcome) -> this.meters.counter("switchboard.slack.parent-edits", "outcome", outcome)
					.increment());
		}
		catch (RuntimeException ex) {
			log.warn("Editing Slack parents failed: {}", ex.toString());
		}
	}

}
