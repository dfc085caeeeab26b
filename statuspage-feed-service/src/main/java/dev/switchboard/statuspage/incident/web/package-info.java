@NullMarked
package dev.switchboard.statuspage.incident.web;

import org.jspecify.annotations.NullMarked;
