package io.hallpass.sample.account;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed-in user's own sessions:
 * <ul>
 *   <li>{@code GET /account/sessions}: the list, as HTML or JSON;</li>
 *   <li>{@code POST /account/sessions/{id}/revoke}: ends one other session;</li>
 *   <li>{@code POST /account/sessions/revoke-others}: ends all the others.</li>
 * </ul>
 * Every realm call is scoped by the current session's account id, so an id belonging to someone else is
 * simply not found.
 */
@Authenticated
public final class SessionsServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern REVOKE_ONE = Pattern.compile("/([^/]+)/revoke");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            throw Problem.notFound("no such page");
        }
        SessionView me = session(request);
        List<SessionView> sessions = realm().listSessions(me.accountId());
        if (Replies.wantsJson(request)) {
            Replies.json(response, 200, SessionsPage.json(sessions, me.publicId()));
            return;
        }
        Chrome chrome = chrome(request, Section.ACCOUNT)
                .withFlash(SessionsPage.flash(request.getParameter("done"), request.getParameter("ended")));
        Replies.html(response, 200, SessionsPage.render(chrome, sessions, me.publicId(), realm().sessionLimit(),
                now()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionView me = session(request);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/revoke-others")) {
            int ended = realm().revokeOtherSessions(me.accountId(), me.publicId(), "signed out by the user");
            if (Replies.wantsJson(request)) {
                Replies.json(response, 200, Json.object("sessionsEnded", ended));
            } else {
                Replies.seeOther(request, response, "/account/sessions?done=others&ended=" + ended);
            }
            return;
        }
        Matcher one = REVOKE_ONE.matcher(path);
        if (!one.matches()) {
            throw Problem.notFound("no such action");
        }
        String id = one.group(1);
        if (!SESSION_ID.matcher(id).matches()) {
            throw Problem.badRequest("that is not a session id");
        }
        if (id.equals(me.publicId())) {
            throw Problem.badRequest("this is the session you are using; sign out instead");
        }
        if (!realm().revokeSession(me.accountId(), id, "signed out by the user")) {
            throw Problem.notFound("you have no such session");
        }
        if (Replies.wantsJson(request)) {
            Replies.json(response, 200, Json.object("id", id, "revoked", true));
        } else {
            Replies.seeOther(request, response, "/account/sessions?done=revoked");
        }
    }
}
