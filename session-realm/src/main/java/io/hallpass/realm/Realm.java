package io.hallpass.realm;

/**
 * The realm: accounts, expiring role grants, server-side sessions and the audit trail, kept in the
 * application's own database. It is the single source of truth the filter consults on every request.
 *
 * <p>Its methods come in four roles, each an interface of its own, so that a caller can depend on only what it
 * uses (and a decorator, such as a session cache, can wrap only what it decorates):
 * {@link SessionRealm} (the filter, on every request), {@link CredentialRealm} (the sign-in endpoints),
 * {@link AdminRealm} (administration pages and tools) and {@link AuditRealm} (the audit trail). A {@code Realm} is
 * all four.
 *
 * <pre>{@code
 * try (Realm realm = Realm.builder()
 *         .jdbcUrl("jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE")
 *         .idleTimeout(Duration.ofMinutes(30))
 *         .build()) {
 *     AccountView alice = realm.createAccount("alice", "correct horse battery staple");
 *     realm.grantRole(alice.id(), "customer", null, "setup");
 *     if (realm.login("alice", "correct horse battery staple", ClientFacts.UNKNOWN)
 *             instanceof LoginResult.Success ok) {
 *         String cookieValue = ok.session().token();          // handed out exactly once
 *         Optional<SessionView> view = realm.resolve(cookieValue); // on every request
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every change happens entirely or not at all: each method is one transaction, except where its role says
 *       otherwise (the password checks of {@link CredentialRealm} read in one and write in another with the hash
 *       computed between them; {@link AdminRealm#purge} commits per batch; {@link SessionRealm#resolve} reads
 *       without a transaction unless it has something to write).</li>
 *   <li>Time comes only from the {@link java.time.Clock} given to the builder.</li>
 *   <li>A session token appears in exactly one place: {@link OpenedSession#token()}, once. Only a hash of it
 *       is stored; no log line, exception message, {@code toString()} or audit row contains it. Sessions are
 *       named by their {@linkplain SessionView#publicId() public id}.</li>
 *   <li>Bad input (null, blank, oversize, malformed usernames, passwords, role names) is refused with an
 *       {@link InvalidInputException} whose message never repeats the value. A malformed or forged token
 *       is not an error: it simply resolves to nothing, without a database round trip.</li>
 *   <li>When the database cannot be reached, every method throws {@link RealmUnavailableException}; nothing is
 *       ever reported as valid or as revoked by mistake. Callers fail closed (the filter answers 503).</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface Realm extends SessionRealm, CredentialRealm, AdminRealm, AuditRealm, AutoCloseable {

    /** Starts configuring a realm backed by JPA (Hibernate) on a JDBC URL or a {@code DataSource}. */
    static RealmBuilder builder() {
        return new RealmBuilder();
    }

    /** Releases the connection pool, if the realm created one. */
    @Override
    void close();
}
