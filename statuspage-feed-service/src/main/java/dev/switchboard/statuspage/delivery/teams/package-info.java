@NullMarked
package dev.switchboard.statuspage.delivery.teams;

import org.jspecify.annotations.NullMarked;
