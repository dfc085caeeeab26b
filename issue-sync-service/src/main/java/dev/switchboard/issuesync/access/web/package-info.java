@NullMarked
package dev.switchboard.issuesync.access.web;

import org.jspecify.annotations.NullMarked;
