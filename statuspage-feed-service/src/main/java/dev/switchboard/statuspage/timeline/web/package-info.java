@NullMarked
package dev.switchboard.statuspage.timeline.web;

import org.jspecify.annotations.NullMarked;
