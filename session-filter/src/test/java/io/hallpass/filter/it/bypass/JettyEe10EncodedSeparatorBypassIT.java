package io.hallpass.filter.it.bypass;

/** {@link EncodedSeparatorBypassIT} (encoded and doubled separators) on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10EncodedSeparatorBypassIT extends EncodedSeparatorBypassIT {
}
