/** The dead-letter replay jobs in the gateway's database. */
@NullMarked
package dev.switchboard.gateway.deadletter.persistence;

import org.jspecify.annotations.NullMarked;
