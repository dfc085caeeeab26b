@NullMarked
package dev.switchboard.statuspage.access.web;

import org.jspecify.annotations.NullMarked;
