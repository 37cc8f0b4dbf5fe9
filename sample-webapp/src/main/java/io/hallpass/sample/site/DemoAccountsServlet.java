package io.hallpass.sample.site;

import io.hallpass.filter.Hallpass;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Creates the demo accounts when the application starts. It is a servlet with {@code load-on-startup} and no
 * mapping because it needs the realm, which the Hallpass filter creates in its {@code init}: containers start
 * filters before load-on-startup servlets, but after context listeners.
 */
public final class DemoAccountsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DemoAccountsServlet.class.getName());

    @Override
    public void init() throws ServletException {
        List<String> created = DemoAccounts.seed(Hallpass.realm(getServletContext()));
        String names = DemoAccounts.ALL.stream().map(DemoAccounts.Demo::username).collect(Collectors.joining(", "));
        LOG.warning(() -> "Demo accounts with published passwords exist (" + names + ")"
                + (created.isEmpty() ? "" : "; created now: " + String.join(", ", created))
                + ". Never run the sample portal with real data.");
    }
}
