/**
 * One suite per known class of access-control bypass in servlet security filters, each sent as raw bytes to
 * the same application in embedded Tomcat 11 and Jetty 12.1 ee11, anonymously and as a signed-in customer.
 * Every request must be refused (400, 401, 403, 404 or 405; 501 where the container itself refuses a method), its answer must not contain the protected
 * servlets' marker, and no protected servlet may run. Each suite also checks that the honest form of the
 * request still works, so none passes by refusing everything.
 *
 * <p>The classes follow the history of such bypasses (Apache Shiro's CVE list, Spring Security's
 * {@code StrictHttpFirewall}, Tomcat's path parameter and encoded-separator handling): traversal, path
 * parameters, encoded separators, double encoding, case variants, trailing slashes, method tricks, and
 * forward/include dispatches.
 */
package io.hallpass.filter.it.bypass;
