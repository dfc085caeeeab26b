@NullMarked
package dev.switchboard.statuspage.posting.scheduling;

import org.jspecify.annotations.NullMarked;
