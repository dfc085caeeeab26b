/** A ticket's summary in the admin API. */
@NullMarked
package dev.switchboard.gateway.summary.web;

import org.jspecify.annotations.NullMarked;
