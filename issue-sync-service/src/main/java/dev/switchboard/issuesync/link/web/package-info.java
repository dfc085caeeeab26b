/** The admin API /api/links. */
@NullMarked
package dev.switchboard.issuesync.link.web;

import org.jspecify.annotations.NullMarked;
