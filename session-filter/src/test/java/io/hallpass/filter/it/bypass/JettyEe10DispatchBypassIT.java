package io.hallpass.filter.it.bypass;

/** {@link DispatchBypassIT} (forward, include and async dispatches) on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10DispatchBypassIT extends DispatchBypassIT {
}
