package dev.switchboard.issuesync.link;

import java.util.List;

import dev.switchboard.contracts.IssueEvent;

/** Publishes issue events; returns once the broker confirmed them. */
public interface IssueEvents {

	void publish(List<IssueEvent> events);

}
