/**
 * One suite per known class of access-control bypass in servlet security filters, each sent as raw bytes to
 * the same application in embedded Tomcat 11 and Jetty 12.1 ee11 (and, in the {@code JettyEe10*} subclasses, Jetty
 * ee10 with only the Servlet 6.0 API on the class path), anonymously and as a signed-in customer whose session is
 * first shown to be alive.
 * Every request must be refused with the status its class calls for (the firewall 400, the rules 401, 403 or 405; the
 * container itself 405 or 501 for TRACE and CONNECT on Tomcat, and its own 400 for a raw backslash), its answer must not contain the protected
 * servlets' marker, and no protected servlet may run. Each suite also checks that the honest form of the
 * request still works, so none passes by refusing everything.
 *
 * <p>The classes follow the history of such bypasses (Apache Shiro's CVE list, Spring Security's
 * {@code StrictHttpFirewall}, Tomcat's path parameter and encoded-separator handling): traversal, path
 * parameters, encoded separators, double encoding, case variants, trailing slashes, method tricks, and
 * forward/include dispatches.
 */
package io.hallpass.filter.it.bypass;
