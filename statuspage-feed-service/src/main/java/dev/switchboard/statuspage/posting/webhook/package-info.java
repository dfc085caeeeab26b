@NullMarked
package dev.switchboard.statuspage.posting.webhook;

import org.jspecify.annotations.NullMarked;
