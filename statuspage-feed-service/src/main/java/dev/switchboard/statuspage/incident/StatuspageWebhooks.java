package dev.switchboard.statuspage.incident;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statuspage webhooks, the fast path: each update is recorded for every feed of the page
 * (matched with the feed's copy on incident code, minute and status), once per delivery.
 */
@Service
public class StatuspageWebhooks {

	private final Feeds feeds;

	private final IncidentRecorder recorder;

	private final ReceivedNotices received;

	private final Clock clock;

	StatuspageWebhooks(Feeds feeds, IncidentRecorder recorder, ReceivedNotices received, Clock clock) {
		this.feeds = feeds;
		this.recorder = recorder;
		this.received = received;
		this.clock = clock;
	}

	/**
	 * @return how many updates were new, or -1 for a repeated delivery
	 */
	@Transactional
	public int accept(StatuspageNotice notice) {
		if (!this.received.addIfAbsent(notice.eventId(), notice.deliveryId(), this.clock.instant())) {
			return -1;
		}
		int fresh = 0;
		for (Feed feed : this.feeds.ofPage(notice.pageId())) {
			fresh += this.recorder.record(feed, notice.updates(), IncidentRecorder.WEBHOOK, true,
					notice.correlationId());
		}
		return fresh;
	}

}
