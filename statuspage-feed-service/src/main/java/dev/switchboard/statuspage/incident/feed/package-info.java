@NullMarked
package dev.switchboard.statuspage.incident.feed;

import org.jspecify.annotations.NullMarked;
