/**
 * Retention: the purge's SQL.
 */
@NullMarked
package dev.switchboard.statuspage.retention.persistence;

import org.jspecify.annotations.NullMarked;
