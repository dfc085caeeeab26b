/**
 * The records of every message on the bus and the destination names. No Spring, no
 * behaviour beyond validation: services are upgraded one at a time, so every record
 * ignores fields it does not know.
 */
@NullMarked
package dev.switchboard.contracts;

import org.jspecify.annotations.NullMarked;
