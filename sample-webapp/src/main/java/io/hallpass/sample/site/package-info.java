/**
 * The public pages (home, sign-in, ping, static files), the error pages, and start-up: the demo accounts are
 * seeded by a {@code load-on-startup} servlet because it needs the realm that the filter creates in its init.
 */
package io.hallpass.sample.site;
