/** {@code GET /api/timeline}. */
@NullMarked
package dev.switchboard.crmbridge.timeline.web;

import org.jspecify.annotations.NullMarked;
