package dev.switchboard.gateway.timeline.metrics;

import java.util.Locale;

import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.gateway.timeline.TimelineCounters;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard_timeline_lookups_total{subject}} and
 * {@code switchboard_timeline_missing_total{service}}: a service that keeps going missing
 * from timelines is one to look at.
 */
@Component
class MicrometerTimelineCounters implements TimelineCounters {

	private final MeterRegistry meters;

	MicrometerTimelineCounters(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void lookedUp(TimelineSubject subject) {
		this.meters.counter("switchboard.timeline.lookups", "subject", subject.name().toLowerCase(Locale.ROOT))
			.increment();
	}

	@Override
	public void missing(String service) {
		this.meters.counter("switchboard.timeline.missing", "service", service).increment();
	}

}
