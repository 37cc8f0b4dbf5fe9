package io.hallpass.sample.shop;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /reports}, {@code /reports/sales}, {@code /reports/fulfilment}: reporting and admin. */
@RequireRole({"reporting", "admin"})
public final class ReportsServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Chrome chrome = chrome(request, Section.REPORTS);
        String report = request.getPathInfo();
        if (report == null || report.equals("/")) {
            Replies.html(response, 200, ReportsPage.index(chrome));
        } else if (report.equals("/sales")) {
            Replies.html(response, 200, ReportsPage.sales(chrome, DemoShop.monthlySales()));
        } else if (report.equals("/fulfilment")) {
            Replies.html(response, 200, ReportsPage.fulfilment(chrome, DemoShop.fulfilment()));
        } else {
            throw Problem.notFound("there is no such report");
        }
    }
}
