@NullMarked
package dev.switchboard.statuspage.delivery.schedule;

import org.jspecify.annotations.NullMarked;
