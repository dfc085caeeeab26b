/** The admin API /api/timeline. */
@NullMarked
package dev.switchboard.issuesync.timeline.web;

import org.jspecify.annotations.NullMarked;
