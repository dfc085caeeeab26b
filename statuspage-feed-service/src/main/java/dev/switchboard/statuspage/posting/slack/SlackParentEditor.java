package dev.switchboard.statuspage.posting.slack;

import java.util.Optional;

import dev.switchboard.statuspage.posting.IncidentThreads;
import dev.switchboard.statuspage.posting.PostResult;
import dev.switchboard.statuspage.posting.PostingAttempt;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits Slack parents to their incident's current status within the workspace's
 * {@code chat.update} budget ({@code statuspage-feed.slack.parent-edits-per-minute},
 * spread evenly, shared by every instance): one edit per slot, to the latest wanted
 * status, so several updates in a row cost one edit. Thread replies never wait for it.
 */
@Service
class SlackParentEditor implements IncidentThreads {

	private final SlackThreads threads;

	private final SlackMessages slack;

	private final SlackBudget budget;

	private final SlackProperties properties;

	SlackParentEditor(SlackThreads threads, SlackMessages slack, SlackBudget budget, SlackProperties properties) {
		this.threads = threads;
		this.slack = slack;
		this.budget = budget;
		this.properties = properties;
	}

	/**
	 * @return the outcome, or empty when no edit was due or the budget has no slot
	 */
	@Override
	@Transactional
	public Optional<String> refreshOneParent() {
		if (!this.properties.configured()) {
			return Optional.empty();
		}
		Optional<SlackThreads.DueEdit> due = this.threads.claimDueEdit();
		if (due.isEmpty() || !this.budget.tryEdit()) {
			return Optional.empty();
		}
		SlackThreads.DueEdit edit = due.get();
		PostResult result = this.slack.updateParent(edit.channel(), edit.ts(), edit.incident(), edit.wantedStatus());
		switch (result) {
			case PostResult.Posted posted -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.RetryAfter limited -> this.budget.holdEdits(limited.delay());
			case PostResult.ChannelBroken broken -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.Rejected rejected -> this.threads.edited(edit.subscriptionId(), edit.incident().feedId(),
					edit.incident().incidentCode(), edit.wantedStatus());
			case PostResult.Transient failure -> {
				// stays due: tried again in a later slot
			}
			case PostResult.Unknown unknown -> {
				// an edit is safe to repeat: stays due like a transient failure
			}
		}
		return Optional.of(PostingAttempt.outcome(result));
	}

}
