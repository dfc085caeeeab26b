package dev.switchboard.statuspage.posting.slack;

import dev.switchboard.statuspage.posting.PostResult;

/** Whether Slack shows a post carrying a delivery's client id. */
sealed interface SlackLookup {

	/** Slack has it: its {@code ts}. */
	record Found(String ts) implements SlackLookup {

	}

	/** Not in the channel (or thread) since the intent was recorded. */
	record NotFound() implements SlackLookup {

	}

	/** Slack could not be asked: nothing may be posted until it can. */
	record Failed(PostResult failure) implements SlackLookup {

	}

}
