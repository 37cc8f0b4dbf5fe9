package io.hallpass.filter.it.bypass;

/** {@link TrailingSlashBypassIT} (trailing slashes and bare prefixes) on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10TrailingSlashBypassIT extends TrailingSlashBypassIT {
}
