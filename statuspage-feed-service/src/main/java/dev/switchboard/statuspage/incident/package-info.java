@NullMarked
package dev.switchboard.statuspage.incident;

import org.jspecify.annotations.NullMarked;
