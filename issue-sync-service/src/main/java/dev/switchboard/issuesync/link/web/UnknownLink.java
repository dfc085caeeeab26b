package dev.switchboard.issuesync.link.web;

import java.util.UUID;

/** No link with this id. */
class UnknownLink extends RuntimeException {

	UnknownLink(UUID id) {
		super("No link " + id);
	}

}
