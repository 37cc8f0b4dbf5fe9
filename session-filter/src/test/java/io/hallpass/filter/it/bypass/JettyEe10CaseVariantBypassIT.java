package io.hallpass.filter.it.bypass;

/** {@link CaseVariantBypassIT} (case variants) on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10CaseVariantBypassIT extends CaseVariantBypassIT {
}
