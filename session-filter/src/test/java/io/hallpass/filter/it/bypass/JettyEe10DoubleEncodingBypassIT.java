package io.hallpass.filter.it.bypass;

/** {@link DoubleEncodingBypassIT} (double and invalid encoding) on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10DoubleEncodingBypassIT extends DoubleEncodingBypassIT {
}
