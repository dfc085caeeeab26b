@NullMarked
package dev.switchboard.statuspage.delivery.slack;

import org.jspecify.annotations.NullMarked;
