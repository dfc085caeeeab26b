@NullMarked
package dev.switchboard.statuspage.incident.messaging;

import org.jspecify.annotations.NullMarked;
