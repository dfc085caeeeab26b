/**
 * {@code GET /api/timeline}.
 */
@NullMarked
package dev.switchboard.remotesession.timeline.web;

import org.jspecify.annotations.NullMarked;
