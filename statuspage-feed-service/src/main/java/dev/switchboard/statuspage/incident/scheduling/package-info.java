@NullMarked
package dev.switchboard.statuspage.incident.scheduling;

import org.jspecify.annotations.NullMarked;
