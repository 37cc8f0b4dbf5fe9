package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.token.TokenCodec;

/** The only writer of {@code hp_known_device}: the devices (by SHA-256 of their id) an account signed in from. */
final class Devices {

    private Devices() {
    }

    /**
     * Whether a device id belongs to a device the account has signed in from (false without an account or an id).
     * The query runs either way, so that a name no account has costs what one that exists costs.
     */
    static boolean isKnown(Tx t, Long accountId, String deviceId) {
        byte[] hash = TokenCodec.sha256(deviceId == null ? "" : deviceId);
        boolean found = !t.db.createSelectionQuery("select d.id from KnownDevice d"
                        + " where d.accountId = :a and d.deviceHash = :h", Object.class)
                .setParameter("a", accountId == null ? -1L : accountId).setParameter("h", hash)
                .setMaxResults(1).getResultList().isEmpty();
        return found && accountId != null && deviceId != null;
    }

    /**
     * What a session row keeps of the device cookie: the base64url SHA-256 of its value (43 characters), never the
     * value, which lets its holder past the per-account sign-in ceiling and so must not sit in clear in the database
     * (nor in a log of what is sent to it). Null for a client without one.
     */
    static String fingerprint(String deviceId) {
        return deviceId == null ? null
                : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(TokenCodec.sha256(deviceId));
    }

    /**
     * Whether the client's device is new to the account (or it sent no device id); a known device is stamped as
     * seen, a new one recorded and audited. A device id is a risk signal only, never a credential.
     */
    static boolean note(Tx t, AccountRow account, ClientFacts facts) {
        if (facts.deviceId() == null) {
            t.audit(AuditEvent.Type.NEW_DEVICE, account.id(), account.username(), null, facts.ip(), "no device id");
            return true;
        }
        byte[] hash = TokenCodec.sha256(facts.deviceId());
        int seen = t.db.createMutationQuery("update KnownDevice d set d.lastSeenAt = :now"
                        + " where d.accountId = :a and d.deviceHash = :h")
                .setParameter("now", t.now).setParameter("a", account.id()).setParameter("h", hash).executeUpdate();
        if (seen > 0) {
            return false;
        }
        KnownDeviceEntity device = new KnownDeviceEntity();
        device.accountId = account.id();
        device.deviceHash = hash;
        device.firstSeenAt = t.now;
        device.lastSeenAt = t.now;
        t.db.insert(device); // the same device signing in twice at once: the unique key fails, and it is retried
        t.audit(AuditEvent.Type.NEW_DEVICE, account.id(), account.username(), null, facts.ip(), "unknown device");
        return true;
    }
}
