package io.hallpass.sample.admin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.RoleGrant;
import java.util.List;

/** One account on the admin page: the account, its grants (expired ones included) and its live sessions. */
public record UserRow(AccountView account, List<RoleGrant> grants, int liveSessions) {

    public UserRow {
        grants = List.copyOf(grants);
    }
}
