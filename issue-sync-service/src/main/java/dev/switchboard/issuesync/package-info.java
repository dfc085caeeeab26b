@NullMarked
package dev.switchboard.issuesync;

import org.jspecify.annotations.NullMarked;
