@NullMarked
package dev.switchboard.statuspage.posting.slack;

import org.jspecify.annotations.NullMarked;
