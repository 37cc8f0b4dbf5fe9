package io.hallpass.filter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;

/**
 * The Hallpass servlet filter: declare it in {@code web.xml} on {@code /*} for the REQUEST, FORWARD and
 * INCLUDE dispatches. See the README for every init-param.
 */
public final class HallpassFilter implements Filter {

    @Override
    public void init(FilterConfig config) throws ServletException {
        // scaffold (issue 3): refuse to start rather than run unprotected
        throw new UnavailableException("Hallpass filter is not implemented yet");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws ServletException {
        throw new UnavailableException("Hallpass filter is not implemented yet");
    }
}
