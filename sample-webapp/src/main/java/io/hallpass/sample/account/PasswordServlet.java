package io.hallpass.sample.account;

import io.hallpass.filter.Hallpass;
import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.realm.PasswordChange;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST /account/password} (fields {@code current}, {@code new}): any signed-in user, sensitive. Through
 * {@code Hallpass.changePassword}, the realm checks the current password and ends every other session of the
 * account; this one stays, under a new token that the filter sets as the cookie (the old one stops at once).
 */
@Authenticated
public final class PasswordServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    @Sensitive
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String current = request.getParameter("current");
        String proposed = request.getParameter("new");
        PasswordChangeForm.check(current, proposed);
        PasswordChange outcome = Hallpass.changePassword(request, response, current, proposed);
        boolean json = Replies.wantsJson(request);
        if (outcome instanceof PasswordChange.Changed changed) {
            if (json) {
                Replies.json(response, 200, Json.object("changed", true,
                        "otherSessionsEnded", changed.otherSessionsRevoked()));
            } else {
                Replies.seeOther(request, response, "/account?done=password&ended=" + changed.otherSessionsRevoked());
            }
        } else if (outcome instanceof PasswordChange.Rejected) {
            if (json) {
                Replies.jsonError(response, 400, "current_password_wrong", "the current password is not right");
            } else {
                Replies.seeOther(request, response, "/account?error=current-password");
            }
        } else if (outcome instanceof PasswordChange.Locked locked) {
            long seconds = Math.max(1, Duration.between(now(), locked.until()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            refuse(request, response, 429, "locked", "too many wrong passwords; try again later");
        } else {
            response.setHeader("Retry-After", "1");
            refuse(request, response, 503, "busy", null);
        }
    }
}
