@NullMarked
package dev.switchboard.statuspage.incident.schedule;

import org.jspecify.annotations.NullMarked;
