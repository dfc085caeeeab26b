package dev.switchboard.statuspage.posting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Intents of posts whose outcome is not known yet, one per delivery. {@link #record}
 * commits at once (its own transaction, before the call); the rest joins the attempt's
 * transaction, so an intent is resolved together with the delivery's outcome.
 */
public interface PostIntents {

	/**
	 * Records (or renews) the intent and commits it before the call; an earlier intent's
	 * time is kept, so a later lookup still covers the first post.
	 */
	void record(PostIntent intent);

	/** The intent left by an earlier attempt of this delivery, if any. */
	Optional<PostIntent> find(long seq);

	/** The call's outcome is not known: the next attempt looks the post up first. */
	void unknown(long seq);

	/** The outcome is known (posted, or certainly not posted): the intent goes. */
	void resolved(long seq);

	/**
	 * Parent posts of other deliveries of this subscription's incident whose outcome is
	 * unknown (their delivery failed while unknown): one of them may be the incident's
	 * thread already.
	 */
	List<PostIntent> unresolvedParents(UUID subscriptionId, UUID feedId, String incidentCode, long exceptSeq);

}
