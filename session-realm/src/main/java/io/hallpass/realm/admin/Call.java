package io.hallpass.realm.admin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.Usernames;
import java.time.Clock;
import java.time.Instant;

/**
 * One run of a command: what was asked, where to print, where passwords come from, and the realm, opened only when
 * the command first needs it (so that bad arguments are reported without connecting) and closed at the end.
 */
final class Call implements AutoCloseable {

    final Invocation invocation;
    final Output out;
    final Passwords passwords;
    /** Who acts, for the audit trail: {@code hallpass-admin:<operating-system user>}. */
    final String actor;
    private final ToolSettings settings;
    private final Clock clock;
    private Realm realm;

    Call(Invocation invocation, ToolSettings settings, Output out, Passwords passwords, Clock clock, String actor) {
        this.invocation = invocation;
        this.settings = settings;
        this.out = out;
        this.passwords = passwords;
        this.clock = clock;
        this.actor = actor;
    }

    String jdbcUrl() {
        return settings.jdbcUrl();
    }

    Instant now() {
        return clock.instant();
    }

    /** The realm on a schema that must already match the mapping. */
    Realm realm() {
        return realm(SchemaAction.VALIDATE);
    }

    /**
     * The realm, started with {@code action} the first time.
     *
     * @throws Failure (refused) if the schema does not match, saying how to create what is missing
     */
    Realm realm(SchemaAction action) {
        if (realm == null) {
            RealmBuilder builder = settings.builder(action, clock);
            String password = passwords.database(settings.jdbcUser());
            if (settings.jdbcUser() != null || password != null) {
                builder.credentials(settings.jdbcUser(), password);
            }
            try {
                realm = builder.build();
            } catch (RealmUnavailableException e) {
                if (H2Urls.isEmbeddedFile(settings.jdbcUrl())) {
                    throw new Failure(Exit.UNAVAILABLE, Failure.of(e).getMessage() + "; an H2 file database is open"
                            + " in one process at a time: stop the application, or put ;AUTO_SERVER=TRUE on both"
                            + " URLs");
                }
                throw e;
            } catch (RealmException e) {
                String hint = action == SchemaAction.VALIDATE && e.getMessage().contains("schema")
                        ? "; 'hallpass-admin schema create' creates what is missing" : "";
                throw Failure.refused(e.getMessage() + hint);
            }
        }
        return realm;
    }

    /** The account with this name, or a refusal naming it. */
    AccountView account(String name) {
        String normalised = Usernames.normalise(name);
        return realm().findAccount(normalised)
                .orElseThrow(() -> Failure.refused("no account named '" + normalised + "'"));
    }

    @Override
    public void close() {
        if (realm != null) {
            realm.close();
        }
    }
}
