package io.hallpass.realm.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes, recognises and hashes session tokens (see the package documentation for the format). Thread-safe.
 *
 * <pre>{@code
 * TokenCodec codec = new TokenCodec(null);
 * String token = codec.newToken();              // hand out once
 * if (codec.isWellFormed(presented)) {
 *     byte[] key = codec.hash(presented);       // look the session up by this
 * }
 * }</pre>
 */
public final class TokenCodec {

    /** The fixed prefix of every token. */
    public static final String PREFIX = "hp1_";

    /** What a token looks like, for secret scanners and log filters. */
    public static final Pattern PATTERN = Pattern.compile("hp1_[A-Za-z0-9_-]{49}");

    /** Random bytes per token: 256 bits. */
    public static final int RANDOM_BYTES = 32;

    /** Bytes of a stored token hash. */
    public static final int HASH_BYTES = 32;

    /** Characters of a token. */
    public static final int LENGTH = 53;

    private static final int RANDOM_CHARS = 43;
    private static final int PUBLIC_ID_BYTES = 16;

    // One generator for the whole process: SecureRandom is thread-safe, and seeding it once is the costly part.
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call, a cost paid on
     * every request. A digest holds nothing secret between calls ({@code digest} resets it); it is a JDK class, so a
     * thread that outlives the application keeps no class of it.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> algorithm("SHA-256"));

    private final SecretKeySpec pepper;
    /** One keyed MAC per thread and codec, for the same reason ({@code doFinal} resets it to the key). */
    private final ThreadLocal<Mac> macs;

    /**
     * @param pepper the secret for HMAC-SHA-256 hashes, or null for plain SHA-256
     */
    public TokenCodec(byte[] pepper) {
        this.pepper = pepper == null ? null : new SecretKeySpec(pepper.clone(), "HmacSHA256");
        this.macs = this.pepper == null ? null : ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(this.pepper);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        hash(newToken()); // fail at start, not on the first request, if an algorithm were missing
    }

    /** A new token: 256 fresh random bits, with prefix and checksum. */
    public String newToken() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + ENCODER.encodeToString(random) + ENCODER.encodeToString(checksum(random));
    }

    /** A new public id for a session: 128 random bits, base64url, 22 characters. Names a session, proves nothing. */
    public static String newPublicId() {
        byte[] random = new byte[PUBLIC_ID_BYTES];
        RANDOM.nextBytes(random);
        return ENCODER.encodeToString(random);
    }

    /**
     * Whether a string has a token's length and prefix: enough to look its hash up among sessions already known
     * (only a token the realm issued can match one), not to send it further; {@link #isWellFormed} checks the rest.
     */
    public static boolean hasTokenShape(String token) {
        return token != null && token.length() == LENGTH && token.startsWith(PREFIX);
    }

    /**
     * Whether a string has the form of a token and its checksum matches. Costs no I/O; a string that fails is
     * certainly not a token the realm issued.
     */
    public boolean isWellFormed(String token) {
        if (!hasTokenShape(token)) {
            return false;
        }
        // Decoded in place, without substrings or a Base64 decoder: this runs on every request with a cookie.
        byte[] random = new byte[RANDOM_BYTES];
        int bits = 0;
        int buffered = 0;
        int out = 0;
        int checkStart = PREFIX.length() + RANDOM_CHARS;
        for (int i = PREFIX.length(); i < checkStart; i++) {
            int v = sextet(token.charAt(i));
            if (v < 0) {
                return false;
            }
            bits = (bits << 6) | v;
            buffered += 6;
            if (buffered >= 8) {
                buffered -= 8;
                random[out++] = (byte) (bits >>> buffered);
                bits &= (1 << buffered) - 1;
            }
        }
        // Only the canonical spelling counts: the unused low bits of the last character must be zero, so that
        // exactly one string stands for each token (43 characters carry 258 bits for 256, 6 carry 36 for 32).
        if (bits != 0) {
            return false;
        }
        long check = 0;
        for (int i = checkStart; i < LENGTH; i++) {
            int v = sextet(token.charAt(i));
            if (v < 0) {
                return false;
            }
            check = (check << 6) | v;
        }
        if ((check & 0xF) != 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(random);
        // not secret: a checksum against typos and truncation, so a plain comparison is fine
        return (check >>> 4) == crc.getValue();
    }

    /** The value of a base64url character, or -1 for any other character. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /**
     * The stored form of a token: SHA-256 of its characters, or HMAC-SHA-256 with the pepper. Callers check
     * {@link #isWellFormed(String)} first.
     */
    public byte[] hash(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        return pepper == null ? SHA_256.get().digest(bytes) : macs.get().doFinal(bytes);
    }

    /** SHA-256 of any text, for values that are stored only to be compared (device ids). */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is not available", e);
        }
    }

    private static byte[] checksum(byte[] random) {
        CRC32 crc = new CRC32();
        crc.update(random);
        long value = crc.getValue();
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    public String toString() {
        return "TokenCodec[" + (pepper == null ? "SHA-256" : "HMAC-SHA-256") + "]";
    }

}
