@NullMarked
package dev.switchboard.statuspage.delivery;

import org.jspecify.annotations.NullMarked;
