package io.hallpass.realm.admin;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditQuery;
import io.hallpass.realm.PurgeResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code audit} and {@code purge}. */
final class AuditCommands {

    static final int DEFAULT_LIMIT = 50;
    /** Rows deleted per transaction by {@code purge}, as the filter's scheduled purge does. */
    static final int PURGE_BATCH = 500;

    static final List<Column<AuditEvent>> COLUMNS = List.of(
            new Column<>("ID", "id", AuditEvent::id),
            new Column<>("AT", "at", AuditEvent::at),
            new Column<>("TYPE", "type", AuditEvent::type),
            new Column<>("ACCOUNT ID", "accountId", AuditEvent::accountId),
            new Column<>("USER", "username", AuditEvent::username),
            new Column<>("SESSION", "sessionPublicId", AuditEvent::sessionPublicId),
            new Column<>("IP", "ip", AuditEvent::ip),
            new Column<>("DETAIL", "detail", AuditEvent::detail));

    private AuditCommands() {
    }

    static void audit(Call call) {
        Set<AuditEvent.Type> types = types(call.invocation.values(Option.TYPE));
        String since = call.invocation.value(Option.SINCE);
        Instant from = since == null ? null : Times.pointInTime(Option.SINCE, since, call.now(), false);
        int limit = call.invocation.integer(Option.LIMIT, DEFAULT_LIMIT);
        AuditQuery unbound = new AuditQuery(null, types, from, limit); // refuses a bad limit before connecting
        String name = call.invocation.argument(0);
        Map<String, Object> context = Json.object();
        AuditQuery query = unbound;
        if (name != null) {
            var account = call.account(name);
            context.put("username", account.username());
            query = new AuditQuery(account.id(), types, from, limit);
        }
        call.out.listing(context, "events", COLUMNS, call.realm().auditTrail(query));
    }

    static void purge(Call call) {
        PurgeResult deleted = call.realm().purge(PURGE_BATCH);
        call.out.done("deleted " + count(deleted.sessions(), "expired or revoked session") + ", "
                        + count(deleted.throttleCounts(), "throttle counter") + " and "
                        + count(deleted.auditEvents(), "audit event") + " past retention",
                Json.object("sessions", deleted.sessions(), "throttleCounts", deleted.throttleCounts(),
                        "auditEvents", deleted.auditEvents()));
    }

    /** Event types by name, in any case, repeated or comma-separated. */
    static Set<AuditEvent.Type> types(List<String> values) {
        Set<AuditEvent.Type> types = EnumSet.noneOf(AuditEvent.Type.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                try {
                    types.add(AuditEvent.Type.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw Failure.badArguments(Option.TYPE.spelling() + ": unknown audit event type; 'hallpass-admin"
                            + " audit --help' lists the types");
                }
            }
        }
        return types;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
