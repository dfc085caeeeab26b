/**
 * A ticket's summary for the helpdesk app's sidebar: its linked issues (issue-sync), its
 * requester's calls (crm-bridge), its remote sessions (remote-session) and an open status
 * incident that concerns it (statuspage-feed), asked at once; a service that does not
 * answer is named missing, as in the timeline.
 */
@NullMarked
package dev.switchboard.gateway.summary;

import org.jspecify.annotations.NullMarked;
