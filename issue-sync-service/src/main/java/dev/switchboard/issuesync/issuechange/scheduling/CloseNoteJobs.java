package dev.switchboard.issuesync.issuechange.scheduling;

import dev.switchboard.issuesync.issuechange.IssueChanges;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the close notes whose wait for the fixing pull request is over, run by one
 * instance at a time (ShedLock on the {@code shedlock} table).
 */
@Component
class CloseNoteJobs {

	private static final int BATCH = 100;

	private final IssueChanges changes;

	CloseNoteJobs(IssueChanges changes) {
		this.changes = changes;
	}

	@Scheduled(fixedDelayString = "${issue-sync.close-note-interval:5s}",
			initialDelayString = "${issue-sync.close-note-interval:5s}")
	@SchedulerLock(name = "issue-sync-close-notes", lockAtMostFor = "PT1M")
	void sendDueCloseNotes() {
		this.changes.sendDueCloseNotes(BATCH);
	}

}
