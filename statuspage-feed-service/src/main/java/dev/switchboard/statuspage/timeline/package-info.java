/**
 * The timeline: what this service did about an incident (its updates, each post to each
 * subscription, the tickets told of it) or a ticket (the incident notes it got), read
 * from the other features for {@code GET /api/timeline}. Nothing depends on it.
 */
@NullMarked
package dev.switchboard.statuspage.timeline;

import org.jspecify.annotations.NullMarked;
