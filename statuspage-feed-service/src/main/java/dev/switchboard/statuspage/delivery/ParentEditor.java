package dev.switchboard.statuspage.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits Slack parents to their incident's current status within the {@code chat.update}
 * budget ({@code statuspage-feed.slack.parent-edits-per-minute}, spread evenly): one edit
 * per slot, to the latest wanted status, so several updates in a row cost one edit.
 * Thread replies never wait for it. The budget is per instance.
 */
@Service
public class ParentEditor {

	private final SlackThreads threads;

	private final SlackMessages slack;

	private final SlackProperties properties;

	private final Clock clock;

	private Instant nextSlot = Instant.EPOCH;

	ParentEditor(SlackThreads threads, SlackMessages slack, SlackProperties properties, Clock clock) {
		this.threads = threads;
		this.slack = slack;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return the outcome, or empty when no edit was due or the budget has no slot
	 */
	@Transactional
	public synchronized Optional<String> editOne() {
		Instant now = this.clock.instant();
		if (!this.properties.configured() || now.isBefore(this.nextSlot)) {
			return Optional.empty();
		}
		Optional<SlackThreads.DueEdit> due = this.threads.claimDueEdit();
		if (due.isEmpty()) {
			return Optional.empty();
		}
		SlackThreads.DueEdit edit = due.get();
		this.nextSlot = now.plus(Duration.ofMinutes(1).dividedBy(this.properties.parentEditsPerMinute()));
		PostResult result = this.slack.updateParent(edit.channel(), edit.ts(), edit.incident(), edit.wantedStatus());
		switch (result) {
			case PostResult.Posted posted -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.RetryAfter limited -> this.nextSlot = now.plus(limited.delay());
			case PostResult.ChannelBroken broken -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.Rejected rejected -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.Transient failure -> {
				// stays due: tried again in a later slot
			}
		}
		return Optional.of(DeliveryAttempt.outcome(result));
	}

}
