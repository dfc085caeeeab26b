package dev.switchboard.statuspage.posting;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.statuspage.subscription.Channel;

import org.springframework.stereotype.Component;

/** The poster of each kind of channel. */
@Component
public class ChannelPosters {

	private final Map<String, ChannelPoster> byKind;

	public ChannelPosters(List<ChannelPoster> posters) {
		this.byKind = posters.stream().collect(Collectors.toUnmodifiableMap(ChannelPoster::kind, Function.identity()));
	}

	public ChannelPoster of(Channel channel) {
		return of(channel.kind());
	}

	/** The poster of a destination's key ({@code slack:C0123ABCD}). */
	public ChannelPoster forDestination(String destination) {
		int colon = destination.indexOf(':');
		return of((colon < 0) ? destination : destination.substring(0, colon));
	}

	private ChannelPoster of(String kind) {
		ChannelPoster poster = this.byKind.get(kind);
		if (poster == null) {
			throw new IllegalStateException("No poster for channels of kind " + kind);
		}
		return poster;
	}

}
