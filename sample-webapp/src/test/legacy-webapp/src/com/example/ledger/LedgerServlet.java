package com.example.ledger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The existing application's one page: it trusts the container to say who is signed in. */
public class LedgerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("Ledger for " + request.getRemoteUser() + " (clerk: "
                + request.isUserInRole("clerk") + ", auth type: " + request.getAuthType() + ")");
    }
}
