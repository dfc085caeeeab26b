/**
 * How long updates, deliveries and threads are kept.
 */
@NullMarked
package dev.switchboard.statuspage.retention;

import org.jspecify.annotations.NullMarked;
