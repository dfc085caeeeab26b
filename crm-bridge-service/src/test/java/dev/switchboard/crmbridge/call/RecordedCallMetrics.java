package dev.switchboard.crmbridge.call;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@link CallMetrics} as a list of what was counted, e.g. {@code lookup one}. */
public final class RecordedCallMetrics implements CallMetrics {

	final List<String> counted = new ArrayList<>();

	@Override
	public void ended(String outcome, boolean missed, @Nullable Integer waitSeconds) {
		this.counted.add("ended " + outcome + (missed ? " missed" : "") + " wait " + waitSeconds);
	}

	@Override
	public void lookup(String outcome) {
		this.counted.add("lookup " + outcome);
	}

	@Override
	public void refused(String reason, String party) {
		this.counted.add("refused " + reason + " " + party);
	}

}
