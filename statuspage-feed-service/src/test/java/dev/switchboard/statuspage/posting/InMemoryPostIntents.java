package dev.switchboard.statuspage.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Intents by ledger row, with the state the attempt left them in ({@code in_flight} or
 * {@code unknown}); parents of other rows are listed per subscription and incident as the
 * tests declare them.
 */
public class InMemoryPostIntents implements PostIntents {

	public final Map<Long, PostIntent> intents = new LinkedHashMap<>();

	public final Map<Long, String> states = new LinkedHashMap<>();

	/** Every intent recorded, in order (what was about to be posted). */
	public final List<PostIntent> recorded = new ArrayList<>();

	@Override
	public void record(PostIntent intent) {
		PostIntent earlier = this.intents.get(intent.seq());
		PostIntent kept = (earlier != null) ? new PostIntent(intent.seq(), intent.clientId(), intent.kind(),
				intent.channel(), intent.parentId(), earlier.recordedAt()) : intent;
		this.intents.put(intent.seq(), kept);
		this.states.put(intent.seq(), "in_flight");
		this.recorded.add(intent);
	}

	@Override
	public Optional<PostIntent> find(long seq) {
		return Optional.ofNullable(this.intents.get(seq));
	}

	@Override
	public void unknown(long seq) {
		this.states.put(seq, "unknown");
	}

	@Override
	public void resolved(long seq) {
		this.intents.remove(seq);
		this.states.remove(seq);
	}

	@Override
	public List<PostIntent> unresolvedParents(UUID subscriptionId, UUID feedId, String incidentCode, long exceptSeq) {
		return this.intents.values()
			.stream()
			.filter((intent) -> intent.kind() == PostIntent.Kind.PARENT && intent.seq() != exceptSeq)
			.toList();
	}

}
