@NullMarked
package dev.switchboard.statuspage.incident.health;

import org.jspecify.annotations.NullMarked;
