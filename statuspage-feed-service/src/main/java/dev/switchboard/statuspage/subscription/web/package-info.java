@NullMarked
package dev.switchboard.statuspage.subscription.web;

import org.jspecify.annotations.NullMarked;
