@NullMarked
package dev.switchboard.statuspage.incident.persistence;

import org.jspecify.annotations.NullMarked;
